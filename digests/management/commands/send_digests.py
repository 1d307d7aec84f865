import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from digests import services


class Command(BaseCommand):
    help = (
        "Send the department digests now, in the foreground. Without --date: what the beat "
        "tick sends (digests whose send time has passed today). With --date: every "
        "subscribed department for that date, send times ignored. Never sends twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Hotel date, YYYY-MM-DD.")

    def handle(self, *args, date=None, **options):
        if date:
            try:
                day = datetime.date.fromisoformat(date)
            except ValueError:
                raise CommandError(f"--date must be YYYY-MM-DD, not {date!r}") from None
            outcomes = services.send_all(day)
        else:
            day = timezone.localdate()
            due = set(services.due_department_ids())
            outcomes = [
                services.send_daily_digest(pk, day, deliver_now=True)
                if pk in due
                else services.Outcome("skipped", str(pk), "not due")
                for pk in services.subscriptions()
                .filter(enabled=True)
                .values_list("department_id", flat=True)
            ]
            services.send_late_alerts(day)
        for outcome in outcomes:
            if outcome.status == "failed":
                self.stderr.write(f"{outcome.department}: {outcome.detail}")
        counts = {s: sum(o.status == s for o in outcomes) for s in ("sent", "skipped", "failed")}
        self.stdout.write("sent {sent}, skipped {skipped}, failed {failed}".format(**counts))
