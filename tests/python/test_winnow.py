"""The Python module (python/winnow) over the build tree's libwinnow."""

import gzip
import io
import json
import os
import threading

import pytest

import winnow

PARA = ("The committee met on Tuesday to discuss the new budget, and after a long debate "
        "it approved the plan by a narrow margin of seven votes to five.")
PAGE = ("<html lang='en'><head><title>Budget approved | Town News</title>"
        "<meta name='author' content='Jane Doe'>"
        "<meta property='article:published_time' content='2024-03-05T10:21:00Z'>"
        "<meta name='keywords' content='budget, council'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav>"
        "<article><h1>Budget approved</h1><p>%s</p><p>%s</p></article>"
        "<footer>Copyright Town News</footer></body></html>" % (PARA, PARA)).encode()
CORPUS = os.environ.get("WINNOW_CORPUS", os.path.join(os.path.dirname(__file__), "..", "..",
                                                      "corpus", "pages"))


def test_loads_the_build_tree_library():
    assert winnow.version().count(".") == 2
    assert os.environ.get("WINNOW_LIBRARY"), "the tests must run against the build tree"


def test_extract_text_xml_metadata():
    r = winnow.extract(PAGE, url="https://example.com/budget")
    assert PARA in r.text
    assert "Home" not in r.text and "Copyright" not in r.text
    assert r.output == r.text
    assert r.xml.startswith("<?xml") and PARA in r.xml
    m = r.metadata
    assert m["title"] == "Budget approved"
    assert m["author"] == "Jane Doe" and m["authors"] == ["Jane Doe"]
    assert m["date"].startswith("2024-03-05")
    assert m["lang"] == "en" and m["lang_source"] == "html"
    assert r.title == "Budget approved"
    assert r.charset == "UTF-8" and r.charset_source in ("detected", "fallback")
    assert r.article_source == "selected"
    assert r.degraded is None
    d = r.as_dict()
    assert d["url"] == "https://example.com/budget" and d["text"] == r.text


def test_metadata_lists():
    m = winnow.extract(PAGE).metadata
    assert m["tags"] == ["budget", "council"]


def test_formats():
    assert winnow.extract(PAGE, format="xml").output.startswith("<?xml")
    assert json.loads(winnow.extract(PAGE, format="json").output)["title"] == "Budget approved"
    with pytest.raises(ValueError):
        winnow.extract(PAGE, format="pdf")
    ex = winnow.Extractor(explain=True)
    assert "score" in ex.extract(PAGE, format="explain").output
    with pytest.raises(winnow.WinnowError) as e:
        winnow.extract(PAGE).explain
    assert e.value.status == winnow.Status.NOT_KEPT


def test_charset_hint_and_content_type():
    text = "你好，世界。这是一篇文章的正文，足够长，可以作为正文。" * 3
    gbk = ("<html><body><article><p>%s</p></article></body></html>" % text).encode("gbk")
    r = winnow.extract(gbk, charset="text/html; charset=GBK")
    assert r.charset == "GB18030" and r.charset_source == "hint" and text in r.text
    # A Latin-1 hint loses to valid multi-byte UTF-8.
    utf8 = ("<p>%s</p>" % text).encode()
    r = winnow.extract(utf8, charset="ISO-8859-1")
    assert r.charset == "UTF-8" and text in r.text
    # A str is text: UTF-8 whatever its meta says.
    r = winnow.extract("<meta charset=gbk><p>%s</p>" % text)
    assert text in r.text


def test_errors_carry_the_status():
    with pytest.raises(winnow.WinnowError) as e:
        winnow.extract(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert e.value.status == winnow.Status.NOT_HTML == 12
    assert e.value.name == "NOT_HTML"
    assert "PNG image" in str(e.value)
    with pytest.raises(winnow.WinnowError) as e:
        winnow.extract(PAGE, charset="x-no-such-charset")
    assert e.value.status == winnow.Status.CHARSET
    small = winnow.Extractor(max_input_bytes=100)
    with pytest.raises(winnow.WinnowError) as e:
        small.extract(PAGE)
    assert e.value.status == winnow.Status.INPUT_TOO_LARGE
    with pytest.raises(TypeError):
        winnow.extract(12)


def test_gzip_and_empty():
    r = winnow.extract(gzip.compress(PAGE))
    assert PARA in r.text
    assert winnow.extract(b"").text == ""


def test_threads_share_one_extractor():
    names = sorted(n for n in os.listdir(CORPUS) if n.endswith(".html"))[:40]
    pages = [open(os.path.join(CORPUS, n), "rb").read() for n in names]
    ex = winnow.Extractor()
    want = [ex.extract(p, format="json").output for p in pages]
    got = [None] * (len(pages) * 3)

    def work(k):
        for i in range(k, len(got), 4):
            got[i] = ex.extract(pages[i % len(pages)], format="json").output

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == want * 3


def warc(records):
    out = b""
    for n, (uri, body, status) in enumerate(records, 1):
        http = ("HTTP/1.1 %s\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" % status).encode() + body
        head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%08d>\r\n"
                "WARC-Target-URI: %s\r\nContent-Type: application/http; msgtype=response\r\n"
                "Content-Length: %d\r\n\r\n" % (n, uri, len(http))).encode()
        out += gzip.compress(head + http + b"\r\n\r\n")
    return out


def test_warc_records(tmp_path):
    data = warc([("http://w.example/a", PAGE, "200 OK"), ("http://w.example/404", PAGE, "404 Not Found"),
                 ("http://w.example/png", b"\x89PNG\r\n\x1a\n" + bytes(300), "200 OK")])
    recs = list(winnow.warc_records(io.BytesIO(data)))
    assert [r.number for r in recs] == [1, 3]
    assert recs[0].target_uri == "http://w.example/a" and recs[0].charset == "utf-8"
    r = recs[0].extract(format="json")
    assert json.loads(r.output)["record_id"] == "<urn:uuid:00000001>"
    with pytest.raises(winnow.WinnowError) as e:
        recs[1].extract()
    assert e.value.status == winnow.Status.NOT_HTML
    path = tmp_path / "w.warc.gz"
    path.write_bytes(data[:-20])
    got = []
    with pytest.raises(winnow.WinnowError) as e:
        for rec in winnow.warc_records(str(path)):
            got.append(rec.number)
    assert e.value.status == winnow.Status.CORRUPT and got == [1]
