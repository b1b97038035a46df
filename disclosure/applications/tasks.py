"""Nothing runs on a timer here yet: notifications go through notify's outbox
(and its deliver_pending beat). Kept so the app follows the cluster's pattern."""
