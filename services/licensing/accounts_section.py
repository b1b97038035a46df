"""The applicant's drafts in "my applications" (accounts.registry)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


def drafts_for(user) -> list:
    """What the section lists: the account's unsubmitted drafts, newest first."""
    from django.urls import reverse

    from accounts.registry import Row

    from .models import ApplicationDraft

    drafts = ApplicationDraft.objects.filter(account=user, submitted_receipt="").select_related("item")
    return [
        Row(title=draft.item.title, url=reverse("licensing:resume", kwargs={"public_id": draft.public_id}),
            status=str(_("草稿")), updated=draft.updated_at)
        for draft in drafts[:50]
    ]


def register_sections() -> None:
    try:
        from accounts.registry import register_section
    except ImportError:  # accounts not installed (or not written yet): no section
        return
    register_section("licensing-drafts", _("办件草稿"), drafts_for)
