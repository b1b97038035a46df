"""Demo 好差评 (runs after services.licensing's demo, INSTALLED_APPS order).

- Finished applications of the last months across the catalogue's departments
  (marked ``form_data["demo"] = "feedback-stats"``), so the statistics and
  the supervisors' charts have something to show;
- ratings on most finished cases; the first finished case of the licensing
  demo (else the first of these) is rated poorly (2), with its follow-up
  answered and a call-back recorded;
- one poor rating whose follow-up is still open and overdue (red).

Re-runnable: cases are found again by their marker, rated ones are skipped."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from casefile import identity, references
from services.licensing.constants import RECEIPT_PREFIX, Status
from services.licensing.models import LicenceApplication
from workdays.service import Unit, add_days

from . import service
from .constants import CallbackOutcome, Channel
from .models import FollowUp, Rating

MARK = "feedback-stats"
DEMO_CODE = "260928"  # the demo's query code, as for every demo case
CASES = 24
LEVELS = (5, 4, 5, 5, 3, 4, 5, 4, 2, 5, 4, 5, 3, 5, 4, 5, 5, 4, 1, 5, 4, 5, 4, 3)
NAMES = ("赵丽", "钱进", "孙海", "李娜", "周强", "吴敏", "郑凯", "王芳", "冯刚", "陈雪", "褚明", "卫兰")


def _at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _items():
    from services.models import ServiceItemPage

    return list(ServiceItemPage.objects.live().filter(locale__language_code="zh-hans")
                .select_related("organisation").order_by("organisation_id", "item_code"))


def _working_after(day: date, n: int) -> date:
    return add_days(start=day, days=n, unit=Unit.WORKING).due or day + timedelta(days=n + n // 5 * 2)


def _stats_cases(today: date) -> list[LicenceApplication]:
    existing = list(LicenceApplication.objects.filter(form_data__demo=MARK).order_by("pk"))
    if existing:
        return existing
    items = _items()
    if not items:
        return []
    made = []
    for n in range(CASES):
        item = items[(n * 7) % len(items)]
        received = today - timedelta(days=170 - n * 7)
        accepted = _working_after(received, 1)
        limit = item.limit_days() or 20
        used = 3 + (n * 5) % (limit + 4)  # some beyond the limit: finished late
        decided = _working_after(accepted, used)
        completed = min(_working_after(decided, 1), today - timedelta(days=1))
        number = references.new_receipt_number(RECEIPT_PREFIX)
        made.append(LicenceApplication(
            organisation=item.organisation, item=item, item_code=item.item_code, item_title=item.title,
            receipt_number=number, query_code_hash=references.hash_query_code(number, DEMO_CODE),
            status=Status.COMPLETED, submitted_at=_at(received, 9), received_on=received, accepted_on=accepted,
            applicant_kind="natural", name=NAMES[n % len(NAMES)], id_type="resident_id",
            id_number=identity.with_check_character("resident_id", f"15010219850101{n:03d}0"), phone=f"1394710{2000 + n:04d}", email="", language="zh-hans",
            decision="granted", decided_at=_at(decided, 15), decision_due_on=_working_after(accepted, limit),
            decided_on_time=used <= limit, completed_at=_at(completed, 16), form_data={"demo": MARK},
        ))
    LicenceApplication.objects.bulk_create(made)
    return list(LicenceApplication.objects.filter(form_data__demo=MARK).order_by("pk"))


def _rate(case: LicenceApplication, level: int, when: datetime) -> Rating:
    rating = service.rate(case=case, level=level, channel=Channel.WEB, today=timezone.localdate(when))
    Rating.objects.filter(pk=rating.pk).update(created=when)
    rating.refresh_from_db()
    return rating


def build(stdout=None) -> None:
    today = timezone.localdate()
    with transaction.atomic():
        ours = _stats_cases(today)
        theirs = list(LicenceApplication.objects.filter(status=Status.COMPLETED).exclude(form_data__demo=MARK)
                      .order_by("completed_at", "pk"))
        if not ours and not theirs:
            if stdout:
                stdout.write("好差评 demo: no finished applications to rate (the catalogue has no items?)\n")
            return
        # the poorly rated case, answered and called back
        poor_case = (theirs or ours)[0]
        if not Rating.objects.filter(application=poor_case).exists():
            done = timezone.localdate(poor_case.completed_at) if poor_case.completed_at else today
            when = _at(min(done + timedelta(days=1), today), 11)
            rating = Rating.objects.create(
                application=poor_case, organisation_id=poor_case.organisation_id, item_code=poor_case.item_code,
                level=2, channel=Channel.WEB, created=when,
                comment="材料要求前后说法不一致，来回补了两次材料。",
            )
            followup = service.open_followup(rating, today=timezone.localdate(when))
            answered = _at(min(timezone.localdate(when) + timedelta(days=3), today), 15)
            FollowUp.objects.filter(pk=followup.pk).update(
                answer="经核查，窗口一次性告知清单遗漏了“场所平面图”一项。已更新办事指南和告知清单，"
                       "并对窗口人员进行了培训；今后补正材料将一次告知。",
                answered_at=answered,
                callback_at=answered + timedelta(hours=1), callback_caller="市市场监管局 王科长",
                callback_outcome=CallbackOutcome.BASIC, callback_note="申请人认可整改措施，表示基本满意。",
                closed_on=timezone.localdate(answered),
            )
        # the others: most rated, one poor rating still open and overdue
        rated = 0
        for n, case in enumerate(ours):
            if case.pk == poor_case.pk or Rating.objects.filter(application=case).exists():
                continue
            if n % 6 == 5:  # a few stay unrated (their invitations go out)
                continue
            level = LEVELS[n % len(LEVELS)]
            when = min(case.completed_at + timedelta(days=1), timezone.now())
            _rate(case, level, when)
            rated += 1
        # the poor ones among them keep their follow-up open: opened weeks ago, overdue (red)
    if stdout:
        stdout.write(f"好差评 demo: {Rating.objects.count()} ratings ({rated} new); poorly rated case "
                     f"{poor_case.receipt_number} (query code {DEMO_CODE} if it is a demo case) with its follow-up "
                     "answered and called back\n")
