from .documents import ClusterDocument
from .organisations import Organisation
from .pages import ArticleAttachment, ArticlePage, ClusterPageMixin, ColumnPage, HomePage
from .profiles import SiteProfile
from .syndication import Syndication

__all__ = [
    "ArticleAttachment",
    "ArticlePage",
    "ClusterDocument",
    "ClusterPageMixin",
    "ColumnPage",
    "HomePage",
    "Organisation",
    "SiteProfile",
    "Syndication",
]
