"""Nothing of 依申请公开's own runs on a timer: notifications go through notify's
outbox (and its deliver_pending beat); colours, reminders and lapsed 补正 periods
through the case kernel's beat (casefile.tasks.supervise, which calls
service.lapse through the registered case type)."""
