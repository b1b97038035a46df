"""The officers' queue and the supervisors' view, for any case type: filter
and sort in the database on the stored clock (colour, due date), status,
organisation and assignee, one page at a time."""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

from django.core.paginator import Paginator
from django.db.models import F
from django.utils.http import urlencode

from cluster.models import Organisation

from .models import ColourChoice
from .registry import CaseType
from .scope import cases_for, is_supervisor, officer_organisations

PER_PAGE = 50
ALL = "all"
SORTS = {
    "due": lambda: ["due_sort", "pk"],
    "-due": lambda: ["-due_sort", "-pk"],
    "received": lambda: [F("received_on").desc(nulls_last=True), "-pk"],
    "colour": lambda: ["colour_rank", "due_sort", "pk"],
    "status": lambda: ["status", "due_sort", "pk"],
}
# what a row shows: nothing else is read from the table
ROW_FIELDS = (
    "pk", "receipt_number", "status", "applicant_kind", "name", "org_name", "received_on", "submitted_at",
    "due_on", "due_known", "due_unknown_year", "colour", "stage_due_on", "applicant_due_on",
    "organisation__name", "organisation__short_name", "assignee__username", "assignee__first_name",
    "assignee__last_name",
)


@dataclass
class Filters:
    status: str = ""  # "" = open cases, "all" = every status, else one status
    colour: str = ""
    organisation: int | None = None
    assignee: str = ""  # "" any, "me", "none", or a user id
    sort: str = "due"
    page: str = "1"

    def query(self, **change) -> str:
        values = {**self.__dict__, **change}
        values["p"] = values.pop("page")
        return urlencode({k: v for k, v in values.items() if v not in ("", None) and not (k == "sort" and v == "due")})


def parse(params, case_type: CaseType, user) -> Filters:
    statuses = {str(v) for v in case_type.workflow.status_labels} | {ALL}
    status = params.get("status", "")
    colour = params.get("colour", "")
    if params.get("overdue") == "1":  # the old "only overdue" box
        colour = "red"
    try:
        organisation = int(params.get("organisation", ""))
    except ValueError:
        organisation = None
    assignee = params.get("assignee", "")
    if assignee not in ("", "me", "none") and not assignee.isdigit():
        assignee = ""
    return Filters(
        status=status if status in statuses else "",
        colour=colour if colour in ColourChoice.values else "",
        organisation=organisation, assignee=assignee,
        sort=params.get("sort") if params.get("sort") in SORTS else "due", page=params.get("p", "1"),
    )


def filtered(case_type: CaseType, user, filters: Filters):
    qs = cases_for(case_type.model, user)
    if filters.status == "":
        if not filters.colour:  # only open cases have a colour: with one, its index alone answers
            qs = qs.filter(status__in=sorted(case_type.workflow.open_statuses))
    elif filters.status != ALL:
        qs = qs.filter(status=filters.status)
    if filters.colour:
        qs = qs.filter(colour=filters.colour)
    if filters.organisation:
        qs = qs.filter(organisation_id=filters.organisation)
    if filters.assignee == "me":
        qs = qs.filter(assignee=user)
    elif filters.assignee == "none":
        qs = qs.filter(assignee__isnull=True)
    elif filters.assignee:
        qs = qs.filter(assignee_id=int(filters.assignee))
    return qs.order_by(*SORTS[filters.sort]())


@dataclass
class Row:
    pk: int
    receipt_number: str
    status: str
    status_label: str
    applicant: str
    organisation: str
    received_on: object
    due_on: object
    due_known: bool
    due_unknown_year: int | None
    colour: str
    stage_overdue: bool
    applicant_due_on: object
    assignee: str
    url: str


def queue(case_type: CaseType, user, params, *, per_page: int = PER_PAGE, today=None) -> dict:
    """The page of the queue ``params`` ask for, with what the filter form needs."""
    from django.utils import timezone

    today = today or timezone.localdate()
    filters = parse(params, case_type, user)
    qs = filtered(case_type, user, filters)
    paginator = Paginator(qs.values(*ROW_FIELDS), per_page)
    # counted on the case table alone: the joins the rows need would make SQLite count through them
    paginator.count = qs.order_by().count()
    page = paginator.get_page(filters.page)
    labels = case_type.workflow.status_labels
    rows = []
    for r in page.object_list:
        assignee = " ".join(filter(None, [r["assignee__last_name"], r["assignee__first_name"]])) or (
            r["assignee__username"] or "")
        rows.append(Row(
            pk=r["pk"], receipt_number=r["receipt_number"], status=r["status"],
            status_label=str(labels.get(r["status"], r["status"])),
            applicant=r["name"] if r["applicant_kind"] == "natural" else r["org_name"],
            organisation=r["organisation__short_name"] or r["organisation__name"],
            received_on=r["received_on"], due_on=r["due_on"], due_known=r["due_known"],
            due_unknown_year=r["due_unknown_year"], colour=r["colour"],
            stage_overdue=bool(r["stage_due_on"] and r["stage_due_on"] < today),
            applicant_due_on=r["applicant_due_on"], assignee=assignee,
            url=case_type.detail_url(SimpleNamespace(pk=r["pk"])),
        ))
    supervisor = is_supervisor(user)
    organisations = Organisation.objects.all() if supervisor else officer_organisations(user)
    return {
        "prev_query": filters.query(page=page.previous_page_number()) if page.has_previous() else "",
        "next_query": filters.query(page=page.next_page_number()) if page.has_next() else "",
        "case_type": case_type, "page": page, "rows": rows, "filters": filters,
        "statuses": [(str(v), str(lbl)) for v, lbl in labels.items()], "colours": ColourChoice.choices,
        "organisations": list(organisations.values_list("pk", "name")), "supervisor": supervisor,
        "sorts": SORT_LABELS,
    }


def _sort_labels():
    from django.utils.translation import gettext_lazy as _

    return [("due", _("期限最近")), ("-due", _("期限最远")), ("colour", _("预警")), ("received", _("收到日期")),
            ("status", _("状态"))]


SORT_LABELS = _sort_labels()
