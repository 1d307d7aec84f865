from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("board", "0003_hours_one_rule"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="hoursexception",
            name="past_midnight",
        ),
        migrations.RemoveField(
            model_name="openinghours",
            name="past_midnight",
        ),
        migrations.AlterField(
            model_name="hoursexception",
            name="closes",
            field=models.TimeField(
                blank=True,
                help_text="At or before the opening time: the next day.",
                null=True,
                verbose_name="closes",
            ),
        ),
        migrations.AlterField(
            model_name="openinghours",
            name="closes",
            field=models.TimeField(
                help_text="At or before the opening time: the next day.", verbose_name="closes"
            ),
        ),
    ]
