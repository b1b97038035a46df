"""Messages by template name and parameters; no text with a query code in clear.

Rows written before this keep their old text only where it is still needed:
a pending message's text is sealed (encrypted, see notify/crypto.py) under the
built-in template "notify.text" so the beat can still send it; the text of
sent and failed messages is dropped with the old columns."""

from django.db import migrations, models

MASK = "******"


def seal_old_texts(apps, schema_editor):
    from notify.crypto import seal

    Outbox = apps.get_model("notify", "Outbox")
    for message in Outbox.objects.all().iterator():
        message.template = "notify.text"
        message.params = {"subject": message.subject, "text": MASK}
        message.sealed = seal({"text": message.body}) if message.status == "pending" else ""
        message.save(update_fields=["template", "params", "sealed"])


class Migration(migrations.Migration):

    dependencies = [
        ("notify", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="outbox",
            name="params",
            field=models.JSONField(blank=True, default=dict, verbose_name="参数"),
        ),
        migrations.AddField(
            model_name="outbox",
            name="sealed",
            field=models.TextField(blank=True, editable=False, verbose_name="加密参数"),
        ),
        migrations.AddField(
            model_name="outbox",
            name="template",
            field=models.CharField(default="notify.text", max_length=100, verbose_name="消息模板"),
            preserve_default=False,
        ),
        migrations.RunPython(seal_old_texts, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="outbox",
            name="body",
        ),
        migrations.RemoveField(
            model_name="outbox",
            name="subject",
        ),
        migrations.AlterField(
            model_name="outbox",
            name="status",
            field=models.CharField(
                choices=[("pending", "待发送"), ("sending", "发送中"), ("sent", "已发送"), ("failed", "发送失败")],
                db_index=True, default="pending", max_length=10, verbose_name="状态",
            ),
        ),
    ]
