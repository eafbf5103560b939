"""winnow: boilerplate-stripping main-content extraction, over libwinnow.

    >>> import winnow
    >>> r = winnow.extract(open("page.html", "rb").read(), url="https://example.com/a")
    >>> print(r.text)
    >>> r.metadata["title"], r.metadata["authors"], r.charset

One Extractor may be shared by any number of threads (the library releases
nothing to Python while it works: ctypes drops the GIL around each call, so
threads extract in parallel). A Result belongs to the thread that uses it.
Failures raise WinnowError, whose .status is the library's wn_status.

The shared library is found through WINNOW_LIBRARY (a path), else where
`meson install` put it, else the system's library path.
"""

import ctypes
import ctypes.util
import enum
import json as _json
import os
import threading

__all__ = ["extract", "Extractor", "Result", "WinnowError", "Status", "WarcRecord",
           "warc_records", "version"]


class Status(enum.IntEnum):
    """wn_status, as in winnow.h."""
    OK = 0
    NOMEM = 1
    ARGUMENT = 2
    CHARSET = 3
    INPUT_TOO_LARGE = 4
    TOO_MANY_NODES = 5
    TOO_DEEP = 6
    PARSE = 7
    OUTPUT = 8
    NOT_KEPT = 9
    MEMORY_LIMIT = 10
    TOO_MANY_ATTRIBUTES = 11
    NOT_HTML = 12
    WORK_LIMIT = 13
    CORRUPT = 14
    DECOMPRESSED_TOO_LARGE = 15
    READ = 16


_FORMATS = {"xml": 0, "text": 1, "explain": 2, "json": 3}
_CHARSET_SOURCES = ("bom", "hint", "meta", "detected", "fallback")
_META_FIELDS = ("title", "author", "date", "modified", "site", "url", "description", "lang",
                "tags", "image", "license")

FLAG_EXPLAIN = 1 << 0
FLAG_COMMENTS = 1 << 1
FLAG_TITLE_IN_TEXT = 1 << 2
FLAG_STRICT_LIMITS = 1 << 3
FLAG_XML_INDENT = 1 << 4
FLAG_NO_DECOMPRESS = 1 << 5


class _Options(ctypes.Structure):
    _fields_ = [("struct_size", ctypes.c_size_t), ("flags", ctypes.c_uint),
                ("max_input_bytes", ctypes.c_size_t), ("max_nodes", ctypes.c_size_t),
                ("max_depth", ctypes.c_uint), ("max_attributes", ctypes.c_uint),
                ("max_memory_bytes", ctypes.c_size_t), ("parse_ms_per_mib", ctypes.c_uint)]


class _Source(ctypes.Structure):
    _fields_ = [("struct_size", ctypes.c_size_t), ("charset_hint", ctypes.c_char_p),
                ("url", ctypes.c_char_p), ("content_encoding", ctypes.c_char_p),
                ("record_id", ctypes.c_char_p)]


class _Metadata(ctypes.Structure):
    _fields_ = [("field", ctypes.c_char_p * len(_META_FIELDS)),
                ("authors", ctypes.POINTER(ctypes.c_char_p)), ("author_count", ctypes.c_size_t),
                ("tags", ctypes.POINTER(ctypes.c_char_p)), ("tag_count", ctypes.c_size_t),
                ("lang_source", ctypes.c_char_p)]


class _WarcRecord(ctypes.Structure):
    _fields_ = [("number", ctypes.c_ulonglong), ("type", ctypes.c_char_p),
                ("record_id", ctypes.c_char_p), ("target_uri", ctypes.c_char_p),
                ("content_type", ctypes.c_char_p), ("charset", ctypes.c_char_p),
                ("content_encoding", ctypes.c_char_p), ("http_status", ctypes.c_int),
                ("payload", ctypes.c_void_p), ("payload_len", ctypes.c_size_t),
                ("skipped_bytes", ctypes.c_ulonglong)]


_READ_FN = ctypes.CFUNCTYPE(ctypes.c_long, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t)


def _library_candidates():
    path = os.environ.get("WINNOW_LIBRARY")
    if path:
        # A relative path would be looked up in the library path: make it a path.
        return [os.path.abspath(path)]
    found = []
    try:
        from . import _config
        found.append(os.path.join(_config.LIBDIR, "libwinnow.so.0"))
    except ImportError:
        pass
    name = ctypes.util.find_library("winnow")
    if name:
        found.append(name)
    found.append("libwinnow.so.0")
    return found


def _load():
    errors = []
    for candidate in _library_candidates():
        try:
            return ctypes.CDLL(candidate)
        except OSError as e:
            errors.append(str(e))
    raise ImportError("libwinnow not found (set WINNOW_LIBRARY to its path): " + "; ".join(errors))


_lib = _load()


def _fn(name, restype, *argtypes):
    f = getattr(_lib, name)
    f.restype = restype
    f.argtypes = list(argtypes)
    return f


_P = ctypes.c_void_p
_version = _fn("wn_version", ctypes.c_char_p)
_status_message = _fn("wn_status_message", ctypes.c_char_p, ctypes.c_int)
_options_init = _fn("wn_options_init", None, ctypes.POINTER(_Options))
_extractor_new = _fn("wn_extractor_new", ctypes.c_int, ctypes.POINTER(_Options), ctypes.POINTER(_P))
_extractor_free = _fn("wn_extractor_free", None, _P)
_source_init = _fn("wn_source_init", None, ctypes.POINTER(_Source))
_extract_source = _fn("wn_extract_source", ctypes.c_int, _P, ctypes.c_char_p, ctypes.c_size_t,
                      ctypes.POINTER(_Source), ctypes.POINTER(_P))
_result_xml = _fn("wn_result_xml", _P, _P, ctypes.POINTER(ctypes.c_size_t))
_result_text = _fn("wn_result_text", _P, _P, ctypes.POINTER(ctypes.c_size_t))
_result_json = _fn("wn_result_json", _P, _P, ctypes.POINTER(ctypes.c_size_t))
_SINK_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t)
_result_write = _fn("wn_result_write", ctypes.c_int, _P, ctypes.c_int, _SINK_FN, _P)
_result_charset = _fn("wn_result_charset", ctypes.c_char_p, _P)
_result_charset_source = _fn("wn_result_charset_source", ctypes.c_int, _P)
_result_degraded = _fn("wn_result_degraded", ctypes.c_int, _P)
_result_title = _fn("wn_result_title", ctypes.c_char_p, _P)
_result_article_source = _fn("wn_result_article_source", ctypes.c_int, _P)
_article_source_name = _fn("wn_article_source_name", ctypes.c_char_p, ctypes.c_int)
_result_metadata = _fn("wn_result_metadata", ctypes.POINTER(_Metadata), _P)
_result_free = _fn("wn_result_free", None, _P)
_not_html_reason = _fn("wn_not_html_reason", ctypes.c_char_p, ctypes.c_char_p, ctypes.c_size_t,
                       ctypes.c_char_p)
_warc_open = _fn("wn_warc_open", ctypes.c_int, _READ_FN, _P, ctypes.c_size_t, ctypes.POINTER(_P))
_warc_next = _fn("wn_warc_next", ctypes.c_int, _P, ctypes.POINTER(ctypes.POINTER(_WarcRecord)))
_warc_error = _fn("wn_warc_error", ctypes.c_char_p, _P)
_warc_free = _fn("wn_warc_free", None, _P)


def version():
    """The library's version, "0.1.0"."""
    return _version().decode()


def _text(value):
    return value.decode("utf-8") if value is not None else ""


class WinnowError(Exception):
    """A failed call: .status is the wn_status (a Status), .message says why."""

    def __init__(self, status, message=None):
        self.status = Status(status) if status in Status._value2member_map_ else status
        self.message = message or _text(_status_message(int(status)))
        super().__init__(self.message)

    @property
    def name(self):
        return self.status.name if isinstance(self.status, Status) else str(self.status)


def _encode(value, what):
    if value is None:
        return None
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    raise TypeError("%s must be str or bytes, not %s" % (what, type(value).__name__))


class Result:
    """One extracted page. The renderings are made on first use."""

    def __init__(self, handle, format):
        self._handle = ctypes.c_void_p(handle)
        self._lock = threading.Lock()
        self.format = format

    def __del__(self):
        handle = getattr(self, "_handle", None)
        if handle is not None and handle.value:
            _result_free(handle)
            self._handle = None

    def _render(self, fn):
        with self._lock:
            size = ctypes.c_size_t()
            ptr = fn(self._handle, ctypes.byref(size))
            if not ptr:
                raise WinnowError(Status.NOMEM)
            return ctypes.string_at(ptr, size.value).decode("utf-8")

    @property
    def text(self):
        """The article as plain text (paragraphs separated by blank lines)."""
        return self._render(_result_text)

    @property
    def xml(self):
        """The article as an XML document."""
        return self._render(_result_xml)

    @property
    def json(self):
        """The wn_result_json() line: metadata, text, source, charset."""
        return self._render(_result_json)

    @property
    def explain(self):
        """The scored block tree (needs Extractor(explain=True))."""
        chunks = []

        def sink(_data, ptr, size):
            chunks.append(ctypes.string_at(ptr, size))
            return 0

        with self._lock:
            status = _result_write(self._handle, _FORMATS["explain"], _SINK_FN(sink), None)
        if status != Status.OK:
            raise WinnowError(status)
        return b"".join(chunks).decode("utf-8")

    @property
    def output(self):
        """The rendering in the format asked for at extraction."""
        return getattr(self, self.format)

    @property
    def title(self):
        return _text(_result_title(self._handle))

    @property
    def charset(self):
        """The charset the page was decoded from ("UTF-8", "GB18030", ...)."""
        return _text(_result_charset(self._handle))

    @property
    def charset_source(self):
        """Where the charset came from: bom, hint, meta, detected, fallback."""
        return _CHARSET_SOURCES[_result_charset_source(self._handle)]

    @property
    def article_source(self):
        """selected, noscript, template, declared, prose or none."""
        return _text(_article_source_name(_result_article_source(self._handle)))

    @property
    def degraded(self):
        """None when the page was extracted whole, else the soft limit's Status."""
        status = _result_degraded(self._handle)
        return None if status == Status.OK else Status(status)

    @property
    def metadata(self):
        """What the page states about itself: a dict of the fields of
        wn_metadata ("" when not stated), "authors" and "tags" as lists."""
        m = _result_metadata(self._handle).contents
        out = {name: _text(m.field[i]) for i, name in enumerate(_META_FIELDS)}
        out["authors"] = [_text(m.authors[i]) for i in range(m.author_count)]
        out["tags"] = [_text(m.tags[i]) for i in range(m.tag_count)]
        out["lang_source"] = _text(m.lang_source)
        return out

    def as_dict(self):
        """The JSON rendering as a dict."""
        return _json.loads(self.json)


class Extractor:
    """Options built once; share it between threads.

    comments: the comment thread as its own section; title_in_text: the
    text starts with the title; strict: fail on soft limits instead of
    degrading; explain: keep the block tree for format="explain";
    xml_indent; max_input_bytes (default 64 MiB).
    """

    def __init__(self, comments=False, title_in_text=False, strict=False, explain=False,
                 xml_indent=False, max_input_bytes=None):
        options = _Options()
        _options_init(ctypes.byref(options))
        flags = 0
        flags |= FLAG_COMMENTS if comments else 0
        flags |= FLAG_TITLE_IN_TEXT if title_in_text else 0
        flags |= FLAG_STRICT_LIMITS if strict else 0
        flags |= FLAG_EXPLAIN if explain else 0
        flags |= FLAG_XML_INDENT if xml_indent else 0
        options.flags = flags
        if max_input_bytes is not None:
            options.max_input_bytes = max_input_bytes
        self.max_input_bytes = options.max_input_bytes
        handle = ctypes.c_void_p()
        status = _extractor_new(ctypes.byref(options), ctypes.byref(handle))
        if status != Status.OK:
            raise WinnowError(status)
        self._handle = handle

    def __del__(self):
        handle = getattr(self, "_handle", None)
        if handle is not None and handle.value:
            _extractor_free(handle)
            self._handle = None

    def extract(self, html, url=None, charset=None, format="text", content_encoding=None,
                record_id=None):
        """Extract one page.

        html: the page's bytes as received (any encoding, gzip/zstd
        decompressed; a str is taken as UTF-8). charset: the transport's
        charset, a label or a whole Content-Type value. format: text, xml,
        json or explain, for Result.output. Raises WinnowError.
        """
        if format not in _FORMATS:
            raise ValueError("format must be one of %s" % ", ".join(sorted(_FORMATS)))
        if isinstance(html, str):
            html = html.encode("utf-8")
            if charset is None:
                charset = "UTF-8"
        elif isinstance(html, (bytearray, memoryview)):
            html = bytes(html)
        elif not isinstance(html, bytes):
            raise TypeError("html must be bytes or str, not %s" % type(html).__name__)
        source = _Source()
        _source_init(ctypes.byref(source))
        source.charset_hint = _encode(charset, "charset")
        source.url = _encode(url, "url")
        source.content_encoding = _encode(content_encoding, "content_encoding")
        source.record_id = _encode(record_id, "record_id")
        handle = ctypes.c_void_p()
        status = _extract_source(self._handle, html, len(html), ctypes.byref(source),
                                 ctypes.byref(handle))
        if status != Status.OK:
            message = None
            if status == Status.NOT_HTML:
                reason = _not_html_reason(html, len(html), source.charset_hint)
                message = "not an HTML page: %s" % (_text(reason) or "binary data")
            raise WinnowError(status, message)
        return Result(handle.value, format)


_default = None
_default_lock = threading.Lock()


def _default_extractor():
    global _default
    with _default_lock:
        if _default is None:
            _default = Extractor()
        return _default


def extract(html_bytes, url=None, charset=None, format="text"):
    """Extract one page with the default options; see Extractor.extract()."""
    return _default_extractor().extract(html_bytes, url=url, charset=charset, format=format)


# ---- WARC files ----

class WarcRecord:
    """A page record of a WARC file (see wn_warc_record in winnow.h)."""

    __slots__ = ("number", "type", "record_id", "target_uri", "content_type", "charset",
                 "content_encoding", "http_status", "payload", "too_large")

    def __init__(self, rec, too_large=False):
        self.number = rec.number
        self.type = _text(rec.type)
        self.record_id = _text(rec.record_id)
        self.target_uri = _text(rec.target_uri)
        self.content_type = _text(rec.content_type)
        self.charset = _text(rec.charset) if rec.charset is not None else None
        self.content_encoding = (_text(rec.content_encoding)
                                 if rec.content_encoding is not None else None)
        self.http_status = rec.http_status
        self.payload = ctypes.string_at(rec.payload, rec.payload_len) if rec.payload else None
        self.too_large = too_large

    def extract(self, extractor=None, format="text"):
        """Extract this record's page (charset, coding, URL and id from its headers)."""
        extractor = extractor or _default_extractor()
        if self.payload is None:
            raise WinnowError(Status.INPUT_TOO_LARGE)
        try:
            return extractor.extract(self.payload, url=self.target_uri or None,
                                     charset=self.charset, format=format,
                                     content_encoding=self.content_encoding,
                                     record_id=self.record_id or None)
        except WinnowError as e:
            if e.status != Status.CHARSET or self.charset is None:
                raise
            # A charset label nobody knows: go on as if there were none.
            return extractor.extract(self.payload, url=self.target_uri or None, format=format,
                                     content_encoding=self.content_encoding,
                                     record_id=self.record_id or None)


def warc_records(source, max_record_bytes=0):
    """The page records of a WARC file (plain, .gz or .zst), in order: a
    path or a binary file object. A record over max_record_bytes (0: 64
    MiB) comes with payload None and too_large set. A corrupt file raises
    WinnowError(Status.CORRUPT) after the records before the damage."""
    own = isinstance(source, (str, bytes, os.PathLike))
    f = open(source, "rb") if own else source
    failure = []

    def read(_data, buffer, size):
        try:
            chunk = f.read(size)
        except Exception as e:  # reported after wn_warc_next returns
            failure.append(e)
            return -1
        ctypes.memmove(buffer, chunk, len(chunk))
        return len(chunk)

    callback = _READ_FN(read)
    reader = ctypes.c_void_p()
    try:
        status = _warc_open(callback, None, max_record_bytes, ctypes.byref(reader))
        if status != Status.OK:
            raise WinnowError(status)
        try:
            rec = ctypes.POINTER(_WarcRecord)()
            while True:
                status = _warc_next(reader, ctypes.byref(rec))
                if status == Status.OK and not rec:
                    return
                if status == Status.INPUT_TOO_LARGE:
                    yield WarcRecord(rec.contents, too_large=True)
                    continue
                if status != Status.OK:
                    if failure:
                        raise failure[0]
                    raise WinnowError(status, _text(_warc_error(reader)) or None)
                yield WarcRecord(rec.contents)
        finally:
            _warc_free(reader)
    finally:
        if own:
            f.close()
