"""Demo data for the hotel-wide pieces: one login per role (idempotent)."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from guestdesk import roles
from guestdesk.models import Department

DEMO_PASSWORD = "guestdesk-demo"

# (username, first name, last name, role, departments)
USERS = [
    ("agent", "Айгерім", "Сәрсенова", roles.AGENT, []),
    ("agent2", "Nurlan", "Abenov", roles.AGENT, []),
    ("manager", "Дәурен", "Қасымов", roles.MANAGER, []),
    ("housekeeping", "Ольга", "Иванова", roles.DEPARTMENT_MEMBER, ["housekeeping"]),
    ("transport", "Ерлан", "Өтепов", roles.DEPARTMENT_MEMBER, ["transport"]),
    ("admin", "Admin", "GuestDesk", roles.ADMINISTRATOR, []),
]

RECIPIENTS = {
    "front-office": "frontoffice@hotel.example",
    "housekeeping": "housekeeping@hotel.example",
    "food-beverage": "fb@hotel.example, chef@hotel.example",
    "security": "security@hotel.example",
    "transport": "transport@hotel.example",
    "spa": "spa@hotel.example",
    "management": "gm@hotel.example",
}
LANGUAGES = {"housekeeping": "ru", "food-beverage": "kk", "management": "en", "spa": "en"}


def load(stdout=None):
    User = get_user_model()
    for code, address in RECIPIENTS.items():
        Department.objects.filter(code=code, recipients="").update(
            recipients=address, language=LANGUAGES.get(code, "ru")
        )
    # In production no login gets a password anyone could read in this file: one random
    # password, shown once below.
    password = secrets.token_urlsafe(12) if settings.PRODUCTION else DEMO_PASSWORD
    logins, created_any = [], False
    for username, first, last, role, departments in USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@hotel.example"},
        )
        if created:
            created_any = True
            user.set_password(password)
            if role == roles.ADMINISTRATOR:
                user.is_staff = user.is_superuser = True
            user.save()
        user.groups.add(Group.objects.get(name=role))
        for department in Department.objects.filter(code__in=departments):
            department.members.add(user)
        logins.append((role, username))
    if stdout:
        if settings.PRODUCTION and not created_any:
            stdout.write("Demo logins (passwords unchanged since they were created):")
        else:
            stdout.write(f"Demo logins (password: {password}):")
        for role, username in logins:
            stdout.write(f"  {role:<18} {username}")
