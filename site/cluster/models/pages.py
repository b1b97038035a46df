from __future__ import annotations

import functools
import operator

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from multilingual.content import MongolianTextMixin

from ..blocks import BodyBlock
from ..feeds import feed_links
from ..frame import memo, public
from ..sites import own_site_root_for_path


class ClusterPageMixin(MongolianTextMixin):
    """Shared by every page type of the cluster.

    Each site of the cluster, including the Mongolian and English ones, has its own
    host, and a language's home page is the root of its site. Wagtail's default URL
    logic would offer every translation of a root to every site; here a page's URL
    is always on the one site whose root it lies under. Its text is stored with
    Mongolian normalised (``MongolianTextMixin``).
    """

    def get_url_parts(self, request=None):
        found = own_site_root_for_path(self.url_path)
        if found is None:
            return None
        site_id, root_path, root_url = found
        page_path = reverse("wagtail_serve", args=(self.url_path[len(root_path) :],))
        return site_id, root_url, page_path


class HomePage(ClusterPageMixin, Page):
    """The home page and root of one site of the cluster."""

    intro = RichTextField(_("简介"), blank=True, features=["bold", "link"])
    banner_title = models.CharField(_("横幅标题"), max_length=120, blank=True)
    banner_text = models.CharField(_("横幅说明"), max_length=250, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("banner_title"),
        FieldPanel("banner_text"),
        FieldPanel("intro"),
    ]
    # columns, and the sections the domains register (register_home_section)
    subpage_types = ["cluster.ColumnPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("网站首页")

    def route(self, request, path_components):
        """Wagtail looks a page up one level at a time (a query per level, and
        another for each level's specific page); this finds every page along the
        path in one query and hands over to the first that routes by itself (a
        routable page's sub-addresses) or to the page the path ends on."""
        if not path_components or len(path_components) > 12:
            return super().route(request, path_components)
        candidates = (
            Page.objects.filter(
                path__startswith=self.path,
                depth__gt=self.depth,
                depth__lte=self.depth + len(path_components),
                slug__in=set(path_components),
            )
            .only("pk", "path", "depth", "slug", "live", "content_type_id")
        )
        by_level: dict[tuple[int, str], list[Page]] = {}
        for p in candidates:
            by_level.setdefault((p.depth, p.slug), []).append(p)
        parent_path = self.path
        for i, slug in enumerate(path_components):
            level = self.depth + 1 + i
            child = next((p for p in by_level.get((level, slug), ()) if p.path.startswith(parent_path)), None)
            if child is None:
                raise Http404
            rest = path_components[i + 1 :]
            cls = child.specific_class
            if cls is None or not rest:
                return child.specific.route(request, rest)
            if cls.route is RoutablePageMixin.route:
                # its own sub-addresses come before its children (RoutablePageMixin.route)
                if child.live and _resolves(cls, rest):
                    return child.specific.route(request, rest)
            elif cls.route is not Page.route:
                return child.specific.route(request, rest)
            parent_path = child.path
        raise Http404  # not reached

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["column_blocks"], context["photo_news"] = memo(("home", self.pk), self._lists)
        return context

    def _lists(self):
        """The columns with their latest articles, and the photo news: they
        change only when something is published (frame.memo)."""
        columns = list(public(ColumnPage.objects.child_of(self).live()))
        latest = ColumnPage.latest_items_of(columns, 6)
        blocks = [{"column": column, "items": latest[column.pk]} for column in columns if latest[column.pk]]
        photo_news = list(
            public(ArticlePage.objects.descendant_of(self).live())
            .filter(kind=ArticlePage.Kind.PHOTO, cover_image__isnull=False)
            .select_related("cover_image")
            .prefetch_related("cover_image__renditions")
            .order_by("-publish_date", "-pk")[:4]
        )
        return blocks, photo_news


def _resolves(cls, components: list[str]) -> bool:
    from django.urls import Resolver404

    try:
        cls.get_resolver().resolve("/" + "/".join(components) + "/")
    except (Resolver404, Http404):
        return False
    return True


def register_home_section(model_label: str) -> None:
    """A domain's section page (the disclosure catalogue, 网上办事, 意见征集, …) may be
    created under a site's home page; called from the domain's AppConfig.ready."""
    if model_label not in HomePage.subpage_types:
        HomePage.subpage_types = [*HomePage.subpage_types, model_label]


class ColumnPage(ClusterPageMixin, RoutablePageMixin, Page):
    """A column (栏目): a list of articles, plus those other sites pushed here
    and this site's editors accepted. Pushed articles are served here under this
    site's host and theme, from the original page: nothing is copied."""

    intro = RichTextField(_("栏目说明"), blank=True, features=["bold", "link"])
    per_page = models.PositiveSmallIntegerField(_("每页条数"), default=20)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("per_page")]
    subpage_types = ["cluster.ArticlePage", "cluster.ColumnPage"]
    parent_page_types = ["cluster.HomePage", "cluster.ColumnPage"]

    class Meta:
        verbose_name = _("栏目")

    def _own_items(self):
        return public(ArticlePage.objects.descendant_of(self).live()).order_by("-publish_date", "-pk")

    def _shared_items(self):
        from .syndication import Syndication

        return (
            public(ArticlePage.objects.live())
            .filter(syndications__column=self, syndications__status=Syndication.Status.ACCEPTED)
            .order_by("-publish_date", "-pk")
        )

    @classmethod
    def latest_items_of(cls, columns: list[ColumnPage], count: int) -> dict[int, list[ListedArticle]]:
        """``latest_items`` of several columns (a home page's) in two queries:
        the newest ``count`` of each column's own articles, ranked per column by
        the database, and the newest it accepted from other sites."""
        from django.db.models import F, Q, Window
        from django.db.models.functions import RowNumber, Substr

        from .syndication import Syndication

        result: dict[int, list[ListedArticle]] = {c.pk: [] for c in columns}
        if not columns:
            return result
        by_path = {c.path: c for c in columns}
        steplen = len(columns[0].path)  # every column here is at the same depth
        order = [F("publish_date").desc(), F("pk").desc()]
        own = (
            public(ArticlePage.objects.live())
            .filter(functools.reduce(operator.or_, (Q(path__startswith=p) for p in by_path)))
            .annotate(column_path=Substr("path", 1, steplen))
            .annotate(rank=Window(RowNumber(), partition_by=[F("column_path")], order_by=order))
            .filter(rank__lte=count)
            .select_related("source_organisation")
        )
        merged: dict[int, list[ListedArticle]] = {c.pk: [] for c in columns}
        for a in own:
            merged[by_path[a.column_path].pk].append(ListedArticle(a, a.url))
        shared = (
            public(ArticlePage.objects.live())
            .filter(syndications__column__in=columns, syndications__status=Syndication.Status.ACCEPTED)
            .annotate(column_id=F("syndications__column_id"))
            .annotate(rank=Window(RowNumber(), partition_by=[F("syndications__column_id")], order_by=order))
            .filter(rank__lte=count)
            .select_related("source_organisation")
        )
        by_pk = {c.pk: c for c in columns}
        for a in shared:
            merged[a.column_id].append(ListedArticle(a, by_pk[a.column_id].shared_url(a)))
        for pk, items in merged.items():
            items.sort(key=lambda item: (item.article.publish_date, item.article.pk), reverse=True)
            result[pk] = items[:count]
        return result

    def latest_items(self, count: int) -> list[ListedArticle]:
        own = [ListedArticle(a, a.url) for a in self._own_items().select_related("source_organisation")[:count]]
        shared = [
            ListedArticle(a, self.shared_url(a))
            for a in self._shared_items().select_related("source_organisation")[:count]
        ]
        merged = sorted(own + shared, key=lambda item: (item.article.publish_date, item.article.pk), reverse=True)
        return merged[:count]

    def shared_url(self, article: ArticlePage) -> str:
        return self.url + self.reverse_subpage("shared_article", args=(article.pk,))

    @path("")
    def index(self, request):
        from django.db.models import Exists, OuterRef, Q

        from .syndication import Syndication

        # own articles and those accepted from other sites, in one query
        accepted = Syndication.objects.filter(
            article=OuterRef("pk"), column=self, status=Syndication.Status.ACCEPTED
        )
        own = Q(path__startswith=self.path, depth__gt=self.depth)
        articles = (
            public(ArticlePage.objects.live())
            .filter(own | Exists(accepted))
            .annotate(is_own=models.ExpressionWrapper(own, output_field=models.BooleanField()))
            .select_related("source_organisation")
            .order_by("-publish_date", "-pk")
        )
        paginator = Paginator(articles, self.per_page or 20)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        items = [ListedArticle(a, a.url if a.is_own else self.shared_url(a)) for a in page_obj.object_list]
        return self.render(
            request,
            context_overrides={
                "items": items,
                "page_obj": page_obj,
                "subcolumns": public(self.get_children().live().in_menu().type(ColumnPage)),
                "feeds": feed_links(self, request),
            },
        )

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request):
        from ..feeds import ColumnRssFeed

        return ColumnRssFeed(self)(request)

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):
        from ..feeds import ColumnAtomFeed

        return ColumnAtomFeed(self)(request)

    @path("shared/<int:article_id>/", name="shared_article")
    def shared_article(self, request, article_id: int):
        from .syndication import Syndication

        article = get_object_or_404(
            ArticlePage.objects.live().public(),
            pk=article_id,
            syndications__column=self,
            syndications__status=Syndication.Status.ACCEPTED,
        )
        article = article.specific
        return article.serve_shared(request, column=self)


class ListedArticle:
    """An article as a column lists it: the page and the URL it has on this site."""

    __slots__ = ("article", "url")

    def __init__(self, article, url):
        self.article = article
        self.url = url


class ArticlePage(ClusterPageMixin, Page):
    """A notice, a news item or a photo news item (通知公告, 政务动态, 图片新闻)."""

    class Kind(models.TextChoices):
        NOTICE = "notice", _("通知公告")
        NEWS = "news", _("政务动态")
        PHOTO = "photo", _("图片新闻")

    kind = models.CharField(_("类别"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    publish_date = models.DateField(_("发布日期"), default=timezone.localdate)
    source_organisation = models.ForeignKey(
        "cluster.Organisation",
        verbose_name=_("信息来源"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author = models.CharField(_("作者"), max_length=60, blank=True)
    summary = models.TextField(_("摘要"), blank=True, max_length=500)
    cover_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("题图"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField(BodyBlock(), verbose_name=_("正文"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("publish_date"), FieldPanel("source_organisation"), FieldPanel("author")],
            heading=_("发布信息"),
        ),
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("附件")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("publish_date"),
    ]
    parent_page_types = ["cluster.ColumnPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("文章")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["attachments"] = self.attachments.select_related("document")
        return context

    def attachments_text(self) -> str:
        """The text of the attachments (extracted once, on upload), for the search index."""
        docs = (a.document for a in self.attachments.select_related("document"))
        return "\n".join(d.extracted_text for d in docs if d.extracted_text)

    def serve_shared(self, request, *, column: ColumnPage):
        """Render this article inside another site's column (it was pushed there)."""
        if column is None:
            raise Http404
        request.is_preview = False
        context = self.get_context(request)
        context["shared_column"] = column
        context["canonical_url"] = self.full_url
        from django.template.response import TemplateResponse

        return TemplateResponse(request, self.get_template(request), context)


class AttachmentBase(MongolianTextMixin, Orderable):
    """An attachment of a page (PDF, Word, spreadsheet), shown with its type and size."""

    document = models.ForeignKey(
        "cluster.ClusterDocument", verbose_name=_("文件"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("显示名称"), max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        abstract = True

    @property
    def display_title(self) -> str:
        return self.title or self.document.title


class ArticleAttachment(AttachmentBase):
    page = ParentalKey(ArticlePage, related_name="attachments", on_delete=models.CASCADE)
