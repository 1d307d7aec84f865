# The guide already followed the one rule of guestdesk.hours (closing at or before opening
# is the next day), so its rows keep their meaning; only the help text is shared now.
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("vendors", "0004_website_assumes_https"),
    ]

    operations = [
        migrations.AlterField(
            model_name="openinghours",
            name="closes",
            field=models.TimeField(
                help_text="At or before the opening time: the next day.", verbose_name="closes"
            ),
        ),
    ]
