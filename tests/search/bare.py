"""A tantivy backend on a tiny schema (id + text), without Django's index
registry: for tests of the engine's pieces and of a second writer process."""
import json
import sys

from search.tantivy_backend import TantivySearchBackend


class _Field:
    def __init__(self, name, document=False):
        self.index_fieldname, self.document, self.stored, self.indexed = name, document, True, True
        self.field_type = "string"


def bare_backend(path) -> TantivySearchBackend:
    backend = TantivySearchBackend("default", PATH=str(path), POINTER=False, LOCK_TIMEOUT=30)
    fields = {"text": _Field("text", document=True)}
    backend.content_field_name, backend.schema, backend.kinds, backend.stored = backend.build_schema(fields)
    backend.signature = sorted(backend.kinds.items())
    backend.path = __import__("pathlib").Path(path)
    backend.index = backend._open(backend.path)
    backend.setup_complete = True
    return backend


def add(writer, backend, pk: str, text: str) -> None:
    writer.add_document(backend.make_document({"id": pk, "django_ct": "x.y", "django_id": pk, "text": text}))


def ids(backend, query) -> list[str]:
    backend._fresh()
    searcher = backend.index.searcher()
    hits = searcher.search(query, 100000).hits
    return [json.loads(bytes(searcher.doc(a).get_first("_doc")))["id"] for _, a in hits]


if __name__ == "__main__":  # python bare.py PATH MODE
    path, mode = sys.argv[1], sys.argv[2]
    backend = bare_backend(path)
    if mode == "one":  # a second process commits one document
        with backend.writer() as w:
            add(w, backend, "from-other-process", "烽燧遗址巡查")
    elif mode == "flood":  # commits batches, then a huge write that gets killed
        for batch in range(1000):
            with backend.writer() as w:
                for i in range(2000 if batch else 500):
                    add(w, backend, f"b{batch}-{i}", "政务服务 营商环境 第%d批" % batch + " 长文本" * 200)
            print("committed", batch, flush=True)
