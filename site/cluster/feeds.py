"""RSS 2.0 and Atom feeds of a page's newest items, shared by the columns
(栏目) here and the disclosure catalogue, which subclasses :class:`PageFeed`.

A feed speaks its page's language (the page's locale, not the reader's
browser), links absolutely to the page's own site, and dates each entry by the
item's public 发布日期 at 09:00 local time: Wagtail's publishing timestamps
would date an imported or re-published item by the day of the upload."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urljoin

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import strip_tags
from django.utils.text import Truncator

from .templatetags.cluster_tags import html_lang

FEED_SIZE = 30
ITEM_TIME = dt.time(9, 0)


def feed_links(page, request=None, query: str = "") -> dict[str, str]:
    """The RSS and Atom addresses of a routable page with ``feed_rss``/``feed_atom`` routes."""
    base = page.get_url(request)
    return {
        "rss": base + page.reverse_subpage("feed_rss") + query,
        "atom": base + page.reverse_subpage("feed_atom") + query,
    }


def plain_text(html: str, chars: int = 0) -> str:
    text = " ".join(strip_tags(html or "").split())
    return Truncator(text).chars(chars) if chars else text


class PageFeed(Feed):
    """The RSS 2.0 feed of one page. Subclasses give ``title``, ``description``
    and ``items``; items have ``title``, ``full_url`` and ``publish_date`` unless
    the ``item_*`` methods say otherwise."""

    feed_type = Rss201rev2Feed
    size = FEED_SIZE

    def __init__(self, page):
        super().__init__()
        self.page = page
        self.language = html_lang(page.locale.language_code)
        self.request = None

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.page

    def link(self, obj):
        return obj.full_url

    def feed_url(self, obj):
        return self.request.build_absolute_uri()

    def absolute(self, url: str) -> str:
        # Page URLs are relative on a single-site install, absolute on the cluster.
        return urljoin(self.page.full_url, url)

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.full_url

    def item_guid(self, item):
        return self.item_link(item)

    def item_date(self, item) -> dt.date | None:
        return item.publish_date

    def item_pubdate(self, item):
        date = self.item_date(item)
        return timezone.make_aware(dt.datetime.combine(date, ITEM_TIME)) if date else None

    def item_updateddate(self, item):
        # The public date, so a feed reader does not list an edited old item as new.
        return self.item_pubdate(item)


def atom(feed_class: type[PageFeed]) -> type[PageFeed]:
    """The Atom twin of an RSS feed class (its description becomes the subtitle)."""
    return type(feed_class.__name__.replace("Rss", "Atom"), (feed_class,), {
        "feed_type": Atom1Feed,
        "subtitle": feed_class.description,
        "__module__": feed_class.__module__,
    })


class ColumnRssFeed(PageFeed):
    """A column's articles, its own and those other sites pushed here, newest first."""

    def site_name(self, obj) -> str:
        from .models import SiteProfile

        site = obj.get_site()
        if site is None:
            return ""
        profile = SiteProfile.for_site(site)
        return (profile.site_name if profile else "") or site.site_name or ""

    def title(self, obj):
        # Like the column page's own <title>: both are in the page's language.
        name = self.site_name(obj)
        return f"{obj.title} - {name}" if name else obj.title

    def description(self, obj):
        return plain_text(obj.intro) or obj.search_description or obj.title

    def items(self, obj):
        return obj.latest_items(self.size)

    def item_title(self, item):
        return item.article.title

    def item_link(self, item):
        return self.absolute(item.url)

    def item_date(self, item):
        return item.article.publish_date

    def item_description(self, item):
        article = item.article
        if article.summary:
            return article.summary
        try:
            body = str(article.body)
        except Exception:  # a block that cannot render leaves the entry without text, not the feed
            body = ""
        return plain_text(body, 200)

    def item_author_name(self, item):
        org = item.article.source_organisation
        return org.localized_name if org else None

    def item_categories(self, item):
        return [item.article.get_kind_display()]


ColumnAtomFeed = atom(ColumnRssFeed)
