"""The desk's day in a browser: import the PMS file, work today's arrivals, review VIPs."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from arrivals.models import ImportProfile, Stay

pytestmark = pytest.mark.django_db(transaction=True)


def test_agent_imports_marks_arrived_and_manager_reviews(
    page, live_server, login, screenshot, agent, manager, tmp_path
):
    from arrivals import demo

    demo.load()  # a realistic day around the imported rows
    today = timezone.localdate().isoformat()
    departure = (timezone.localdate() + timezone.timedelta(days=3)).isoformat()
    ImportProfile.objects.create(
        name="Front office CSV",
        source="E2E",
        encoding="utf-8",
        delimiter=",",
        date_format="%Y-%m-%d",
        columns={
            "confirmation_number": "Conf",
            "first_name": "First",
            "last_name": "Last",
            "arrival_date": "Arrival",
            "arrival_time": "ETA",
            "departure_date": "Departure",
            "room": "Room",
            "vip_code": "VIP",
            "nationality": "Country",
        },
    )
    csv = tmp_path / "opera-today.csv"
    csv.write_text(
        "Conf,First,Last,Arrival,ETA,Departure,Room,VIP,Country\n"
        f"E2E-1,Ғалия,Өтепова,{today},11:15,{departure},801,VIP1,KAZ\n"
        f"E2E-2,Peter,Brown,{today},16:00,{departure},802,,GBR\n"
        f"E2E-3,Broken,Row,{today},,yesterday,803,,\n",
        encoding="utf-8",
    )

    login(agent)
    page.goto(f"{live_server.url}/arrivals/import/")
    page.set_input_files("input[name=file]", str(csv))
    page.select_option("select[name=profile]", label="Front office CSV")
    page.click("[data-testid=dry-run]")
    summary = page.locator("[data-testid=import-summary]")
    expect(summary).to_contain_text("created 2, updated 0, unchanged 0, rejected 1")
    expect(page.locator("[data-testid=report-rows]")).to_contain_text("yesterday")
    screenshot("arrivals-import")
    page.click("[data-testid=commit-import]")
    expect(summary).to_contain_text("Imported")
    assert Stay.objects.filter(source="E2E").count() == 2
    # VIP levels are a manager's decision: the agent's file leaves E2E-1's waiting.
    expect(page.locator("[data-testid=vip-waiting]")).to_contain_text("waits for a manager")
    batch_url = page.url
    login(manager)
    page.goto(batch_url)
    page.click("[data-testid=apply-vip]")
    expect(page.get_by_text("VIP levels applied: 1.")).to_be_visible()
    assert Stay.objects.get(confirmation_number="E2E-1").vip_level.code == "VIP1"
    login(agent)

    page.goto(f"{live_server.url}/arrivals/")
    expect(page.locator("[data-testid=list-title]")).to_contain_text("Arrivals")
    expect(page.locator('tr[data-stay="E2E-1"]')).to_contain_text("Ғалия Өтепова")
    screenshot("arrivals-today")
    page.emulate_media(media="print")  # the printed list: no navigation, filters or buttons
    expect(page.locator("nav.navbar")).to_be_hidden()
    expect(page.locator("details.filters")).to_be_hidden()
    expect(page.locator(".print-header")).to_be_visible()
    page.emulate_media(media="screen")
    page.click("details.filters summary")
    page.select_option("select[name=vip]", "vip")
    page.click("[data-testid=apply-filters]")
    expect(page).to_have_url(re.compile(r"vip=vip"))
    expect(page.locator('tr[data-stay="E2E-2"]')).to_have_count(0)
    row = page.locator('tr[data-stay="E2E-1"]')
    row.locator("button[data-action=arrived]").click()
    expect(page.locator(".alert-success")).to_contain_text("Ғалия Өтепова")
    expect(page.locator('tr[data-stay="E2E-1"] [data-testid=status]')).to_have_text("in house")
    assert Stay.objects.get(confirmation_number="E2E-1").status == "in_house"

    login(manager)
    page.goto(f"{live_server.url}/arrivals/vip/{today}/")
    card = page.locator('article[data-stay="E2E-1"]')
    expect(card.locator("[data-testid=review-state]")).to_contain_text("Not reviewed yet")
    card.locator("textarea[name=special_attention]").fill("Flowers and a handwritten card")
    card.locator("input[name=reviewed]").check()
    card.locator("[data-testid=vip-save]").click()
    card = page.locator('article[data-stay="E2E-1"]')
    expect(card.locator("[data-testid=review-state]")).to_contain_text("Reviewed by")
    stay = Stay.objects.get(confirmation_number="E2E-1")
    assert stay.reviewed_by == manager and stay.special_attention.startswith("Flowers")
    page.locator(f'article[data-stay="{stay.confirmation_number}"]').scroll_into_view_if_needed()
    page.evaluate("window.scrollTo(0, 0)")
    screenshot("arrivals-vip")
