#!/usr/bin/env python3
"""Behaviour tests for the winnow command.

    test_cli.py WINNOW_EXE TEST_NAME     run one test (exit 0 pass, 1 fail, 77 skip)
    test_cli.py WINNOW_EXE --list        print the test names
    test_cli.py WINNOW_EXE --check-registered NAME...
                                         fail unless NAME... are all the tests

Set WINNOW_TEST_WRAPPER to run the command under a tool, for example
    WINNOW_TEST_WRAPPER='valgrind -q --error-exitcode=99 --leak-check=full'

Content assertions are limited to what must stay true once the real
extractor replaces the stub: XML starts with <?xml and has a <doc element,
and the text of a simple article page contains its paragraph.
"""

import os
import resource
import shlex
import signal
import subprocess
import sys
import tempfile
import threading

SKIP = 77
MIB = 1 << 20
DEFAULT_MAX_INPUT = 64 * MIB  # wn_options_init() default max_input_bytes

TESTS = {}


def test(fn):
    TESTS[fn.__name__] = fn
    return fn


class Failure(Exception):
    pass


class Skip(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def page(sentence="Hello world, this is a long enough paragraph of text to be the article body."):
    return ("<html><body><article><p>%s</p></article></body></html>" % sentence).encode()


ARTICLE = page()


def big_page(paragraphs=20000):
    """A page whose article text is far larger than a pipe buffer."""
    para = ("<p>Paragraph %d of a very long article: the quick brown fox jumps over "
            "the lazy dog, again and again, so that the body is plainly the main "
            "content of this page.</p>\n")
    body = "".join(para % i for i in range(paragraphs))
    return ("<html><head><title>Big</title></head><body><article>%s</article>"
            "</body></html>" % body).encode()


class Result:
    def __init__(self, returncode, stdout, stderr):
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr.decode("utf-8", "replace")

    def lines(self):
        return [line for line in self.stderr.splitlines() if line]

    def describe(self):
        return "exit %d, stderr: %r, stdout: %r" % (
            self.returncode, self.stderr, self.stdout[:200])


class Env:
    """A scratch directory and the way to run the command."""

    def __init__(self, exe, workdir):
        self.exe = exe
        self.dir = workdir
        wrapper = os.environ.get("WINNOW_TEST_WRAPPER", "")
        self.prefix = shlex.split(wrapper)

    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    def write(self, rel, data):
        full = self.path(rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(data)
        return full

    def read(self, rel):
        with open(self.path(rel), "rb") as f:
            return f.read()

    def command(self, args):
        return self.prefix + [self.exe] + list(args)

    def run(self, *args, stdin=b"", stdout=None, preexec_fn=None, timeout=120):
        """Run winnow in the scratch directory; stdout is captured unless a
        file object is given."""
        proc = subprocess.run(
            self.command(args), input=stdin,
            stdout=stdout if stdout is not None else subprocess.PIPE,
            stderr=subprocess.PIPE, cwd=self.dir, preexec_fn=preexec_fn,
            timeout=timeout)
        return Result(proc.returncode, proc.stdout or b"", proc.stderr)


def expect(result, code):
    check(result.returncode == code, "expected exit %d, got %s" % (code, result.describe()))


def expect_clean_success(result):
    expect(result, 0)
    check(result.stderr == "", "unexpected stderr: %r" % result.stderr)


def expect_usage_error(result, *fragments):
    expect(result, 2)
    lines = result.lines()
    check(len(lines) == 2, "usage error should be 2 lines: %r" % result.stderr)
    check(lines[0].startswith("winnow: "), "message should start with 'winnow: ': %r" % lines[0])
    check("Try 'winnow --help'" in lines[1], "missing --help hint: %r" % result.stderr)
    for fragment in fragments:
        check(fragment in lines[0], "message should mention %r: %r" % (fragment, lines[0]))
    check(result.stdout == b"", "usage error wrote to stdout: %r" % result.stdout[:200])


def expect_xml(data, what="output"):
    check(data.startswith(b"<?xml"), "%s should start with <?xml: %r" % (what, data[:80]))
    check(b"<doc" in data, "%s should contain <doc: %r" % (what, data[:200]))


def expect_failure_line(line, path, cause=None):
    prefix = "winnow: %s: " % path
    check(line.startswith(prefix), "expected %r, got %r" % (prefix, line))
    if cause is not None:
        check(cause in line, "expected cause %r in %r" % (cause, line))


def listing(directory):
    return sorted(os.listdir(directory))


# ---- help, version, usage errors ----

@test
def help_long_and_short(env):
    for flag in ("--help", "-h"):
        r = env.run(flag)
        expect_clean_success(r)
        out = r.stdout.decode()
        check(out.startswith("Usage: winnow"), "help should start with Usage: %r" % out[:80])
        for option in ("--format", "--output-dir", "--explain", "--comments", "--title",
                       "--charset", "--url", "--version"):
            check(option in out, "help should list %s" % option)


@test
def version(env):
    for flag in ("--version", "-V"):
        r = env.run(flag)
        expect_clean_success(r)
        check(r.stdout == b"winnow 0.1.0\n", "version output: %r" % r.stdout)


@test
def help_to_full_disk(env):
    with open("/dev/full", "wb") as full:
        r = env.run("--help", stdout=full)
    expect(r, 1)
    check(len(r.lines()) == 1 and "No space left on device" in r.stderr,
          "expected one ENOSPC line: %r" % r.stderr)


@test
def unknown_options(env):
    expect_usage_error(env.run("--bogus"), "--bogus")
    expect_usage_error(env.run("-x"), "-x")
    expect_usage_error(env.run("--bogus=1", "x.html"), "--bogus")


@test
def ambiguous_and_misused_options(env):
    expect_usage_error(env.run("--c"), "ambiguous", "--c")
    expect_usage_error(env.run("--title=yes"), "--title")


@test
def bad_format(env):
    expect_usage_error(env.run("-f", "json"), "json")
    expect_usage_error(env.run("--format=XML"), "XML")
    expect_usage_error(env.run("--format="), "format")


@test
def missing_option_argument(env):
    expect_usage_error(env.run("-f"), "-f")
    expect_usage_error(env.run("--format"), "--format")
    expect_usage_error(env.run("-o"), "-o")
    expect_usage_error(env.run("--output-dir"), "--output-dir")
    expect_usage_error(env.run("--charset"), "--charset")
    expect_usage_error(env.run("--url"), "--url")
    expect_usage_error(env.run("-o", ""), "output directory")


@test
def several_inputs_write_to_current_dir(env):
    a = env.write("in/a.html", ARTICLE)
    b = env.write("in/b.htm", ARTICLE)
    r = env.run(a, b, "-f", "text")
    check(r.returncode == 0, "exit 0 expected, got %d: %r" % (r.returncode, r.stderr))
    check(r.stdout == b"", "nothing on stdout with several inputs")
    check(listing(env.dir) == ["a.txt", "b.txt", "in"], "one file per input in the current directory")
    check(b"Hello world" in open(env.path("a.txt"), "rb").read(), "a.txt holds the text")


@test
def directory_of_several_writes_to_current_dir(env):
    env.write("pages/a.html", ARTICLE)
    env.write("pages/b.html", ARTICLE)
    r = env.run("pages")
    check(r.returncode == 0, "exit 0 expected, got %d: %r" % (r.returncode, r.stderr))
    check(listing(env.dir) == ["a.xml", "b.xml", "pages"], "one XML file per page")
    check(listing(env.path("pages")) == ["a.html", "b.html"], "inputs untouched")


# ---- single input to stdout ----

@test
def stdin_without_arguments(env):
    r = env.run(stdin=ARTICLE)
    expect_clean_success(r)
    expect_xml(r.stdout)


@test
def stdin_dash(env):
    r = env.run("-f", "text", "-", stdin=ARTICLE)
    expect_clean_success(r)
    check(b"Hello world" in r.stdout, "text output: %r" % r.stdout[:200])


@test
def file_argument_xml(env):
    f = env.write("page.html", ARTICLE)
    r = env.run(f)
    expect_clean_success(r)
    expect_xml(r.stdout)


@test
def file_argument_text(env):
    f = env.write("page.html", ARTICLE)
    for args in (["-f", "text", f], ["--format=text", f], ["--format", "text", f],
                 [f, "-f", "text"], ["-ftext", f]):
        r = env.run(*args)
        expect_clean_success(r)
        check(b"Hello world" in r.stdout, "%s: text output: %r" % (args, r.stdout[:200]))


@test
def file_named_like_an_option(env):
    env.write("-page.html", ARTICLE)
    r = env.run("-f", "text", "--", "-page.html")
    expect_clean_success(r)
    check(b"Hello world" in r.stdout, "text output: %r" % r.stdout[:200])


@test
def explain_format(env):
    f = env.write("page.html", ARTICLE)
    for args in (["--explain", f], ["-f", "explain", f]):
        r = env.run(*args)
        expect_clean_success(r)
        check(r.stdout != b"", "%s: explain output is empty" % args)


@test
def flags_and_hints_accepted(env):
    f = env.write("page.html", ARTICLE)
    r = env.run("--comments", "--title", "--charset", "windows-1252",
                "--url", "http://example.com/a/page.html", "-f", "text", f)
    expect_clean_success(r)
    check(b"Hello world" in r.stdout, "text output: %r" % r.stdout[:200])
    r = env.run("--charset=utf-8", "--url=http://example.com/", f)
    expect_clean_success(r)
    expect_xml(r.stdout)


@test
def directory_with_one_page_to_stdout(env):
    env.write("pages/only.HTML", ARTICLE)
    env.write("pages/notes.txt", b"not a page")
    r = env.run("-f", "text", "pages")
    expect_clean_success(r)
    check(b"Hello world" in r.stdout, "text output: %r" % r.stdout[:200])


@test
def missing_file_to_stdout(env):
    r = env.run("nope.html")
    expect(r, 1)
    check(r.stdout == b"", "nothing should be written: %r" % r.stdout[:200])
    lines = r.lines()
    check(len(lines) == 1, "one message expected: %r" % r.stderr)
    expect_failure_line(lines[0], "nope.html", "No such file or directory")


@test
def full_stdout(env):
    f = env.write("page.html", ARTICLE)
    with open("/dev/full", "wb") as full:
        r = env.run(f, stdout=full)
    expect(r, 1)
    lines = r.lines()
    check(len(lines) == 1, "one message expected: %r" % r.stderr)
    expect_failure_line(lines[0], f, "No space left on device")


@test
def closed_pipe_is_quiet(env):
    """`winnow big.html | head -c 1`: no message, exit 0."""
    f = env.write("big.html", big_page())
    proc = subprocess.Popen(env.command(["-f", "text", f]), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=env.dir)
    first = proc.stdout.read(1)
    proc.stdout.close()
    err = proc.stderr.read()
    proc.stderr.close()
    code = proc.wait(timeout=120)
    check(first != b"", "no output before the pipe closed")
    check(err == b"", "closed pipe should be quiet: %r" % err)
    check(code == 0, "closed pipe should exit 0, got %d" % code)


@test
def closed_pipe_through_shell(env):
    f = env.write("big.html", big_page())
    cmd = " ".join(shlex.quote(a) for a in env.command(["-f", "text", f]))
    proc = subprocess.run(["sh", "-c", "%s | head -c 1 >/dev/null" % cmd],
                          stderr=subprocess.PIPE, cwd=env.dir, timeout=120)
    check(proc.returncode == 0, "pipeline failed: %d" % proc.returncode)
    check(proc.stderr == b"", "closed pipe should be quiet: %r" % proc.stderr)


# ---- input limits ----

@test
def too_large_file(env):
    big = env.path("huge.html")
    with open(big, "wb") as f:
        f.truncate(DEFAULT_MAX_INPUT + 1)  # sparse: cheap to make
    r = env.run(big)
    expect(r, 1)
    lines = r.lines()
    check(len(lines) == 1, "one message expected: %r" % r.stderr)
    expect_failure_line(lines[0], big)
    check(r.stdout == b"", "nothing should be written: %r" % r.stdout[:200])


@test
def endless_stdin_is_read_boundedly(env):
    """stdin is read only up to the limit: the command must stop even if the
    input never ends, and report the input as too large."""
    proc = subprocess.Popen(env.command([]), stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=env.dir)
    written = [0]
    chunk = b"<p>" + b"x" * (MIB - 3)

    def feed():
        try:
            while written[0] < 4 * DEFAULT_MAX_INPUT:
                proc.stdin.write(chunk)
                written[0] += len(chunk)
        except (BrokenPipeError, ValueError, OSError):
            pass

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    try:
        # Not communicate(): it would close stdin under the feeder.
        out = proc.stdout.read()
        err = proc.stderr.read()
        code = proc.wait(timeout=300)
    finally:
        if proc.poll() is None:
            proc.kill()
    feeder.join(timeout=60)
    check(code == 1, "expected exit 1, got %d (stderr %r)" % (code, err))
    lines = [l for l in err.decode("utf-8", "replace").splitlines() if l]
    check(len(lines) == 1, "one message expected: %r" % err)
    expect_failure_line(lines[0], "<stdin>")
    check(out == b"", "nothing should be written")
    check(written[0] < DEFAULT_MAX_INPUT + 8 * MIB,
          "read %d bytes of an endless input" % written[0])


# ---- several inputs, -o DIR ----

@test
def output_dir_xml(env):
    a = env.write("in/a.html", ARTICLE)
    b = env.write("in/b.htm", ARTICLE)
    r = env.run("-o", "out", a, b)
    expect_clean_success(r)
    check(r.stdout == b"", "stdout should be empty with -o: %r" % r.stdout[:200])
    check(listing(env.path("out")) == ["a.xml", "b.xml"], "outputs: %r" % listing(env.path("out")))
    expect_xml(env.read("out/a.xml"), "a.xml")
    expect_xml(env.read("out/b.xml"), "b.xml")


@test
def output_dir_text(env):
    a = env.write("in/a.html", page("Alpha is a long enough paragraph of text to be the article body here."))
    b = env.write("in/b.page.html", page("Beta is a long enough paragraph of text to be the article body here."))
    r = env.run("--output-dir", "out", "-f", "text", a, b)
    expect_clean_success(r)
    check(listing(env.path("out")) == ["a.txt", "b.page.txt"], "outputs: %r" % listing(env.path("out")))
    check(b"Alpha" in env.read("out/a.txt"), "a.txt content")
    check(b"Beta" in env.read("out/b.page.txt"), "b.page.txt content")


@test
def output_dir_explain(env):
    a = env.write("in/a.html", ARTICLE)
    b = env.write("in/b.html", ARTICLE)
    r = env.run("-o", "out", "--explain", a, b)
    expect_clean_success(r)
    check(listing(env.path("out")) == ["a.explain.txt", "b.explain.txt"],
          "outputs: %r" % listing(env.path("out")))


@test
def output_dir_single_input(env):
    a = env.write("a.html", ARTICLE)
    r = env.run("-o", "out", a)
    expect_clean_success(r)
    check(r.stdout == b"", "stdout should be empty with -o")
    check(listing(env.path("out")) == ["a.xml"], "outputs: %r" % listing(env.path("out")))


@test
def output_dir_stdin(env):
    r = env.run("-o", "out", "-f", "text", stdin=ARTICLE)
    expect_clean_success(r)
    check(listing(env.path("out")) == ["stdin.txt"], "outputs: %r" % listing(env.path("out")))
    check(b"Hello world" in env.read("out/stdin.txt"), "stdin.txt content")


@test
def output_dir_created_with_parents(env):
    a = env.write("a.html", ARTICLE)
    r = env.run("-o", "new/deeper/out/", a)
    expect_clean_success(r)
    check(listing(env.path("new/deeper/out")) == ["a.xml"], "outputs")


@test
def output_files_have_umask_mode(env):
    a = env.write("a.html", ARTICLE)
    r = env.run("-o", "out", a, preexec_fn=lambda: os.umask(0o027))
    expect_clean_success(r)
    mode = os.stat(env.path("out/a.xml")).st_mode & 0o777
    check(mode == 0o640, "mode should be 0640 under umask 027, got %o" % mode)


@test
def output_dir_replaces_existing(env):
    a = env.write("a.html", ARTICLE)
    env.write("out/a.txt", b"OLD")
    r = env.run("-o", "out", "-f", "text", a)
    expect_clean_success(r)
    check(b"Hello world" in env.read("out/a.txt"), "a.txt should be replaced")
    check(listing(env.path("out")) == ["a.txt"], "no temporary file left: %r" % listing(env.path("out")))


@test
def directory_expansion(env):
    env.write("pages/b.html", page("Bravo is a long enough paragraph of text to be the article body here."))
    env.write("pages/a.HTM", page("Alpha is a long enough paragraph of text to be the article body here."))
    env.write("pages/c.Html", page("Charlie is a long enough paragraph of text to be the article body."))
    env.write("pages/notes.txt", b"not a page")
    env.write("pages/.hidden.html", ARTICLE)
    env.write("pages/html", ARTICLE)
    os.makedirs(env.path("pages/sub.html"))          # a directory: skipped
    env.write("pages/sub.html/deep.html", ARTICLE)   # not recursive
    r = env.run("-o", "out", "-f", "text", "pages")
    expect_clean_success(r)
    check(listing(env.path("out")) == ["a.txt", "b.txt", "c.txt"],
          "outputs: %r" % listing(env.path("out")))
    check(b"Alpha" in env.read("out/a.txt"), "a.txt content")
    check(b"Bravo" in env.read("out/b.txt"), "b.txt content")


@test
def directory_order_and_broken_entries(env):
    """Pages of a directory are processed in name order; an unreadable one
    (a dangling link) fails alone."""
    env.write("pages/m.html", ARTICLE)
    os.symlink("nowhere-1", env.path("pages/z.html"))
    os.symlink("nowhere-2", env.path("pages/b.html"))
    r = env.run("-o", "out", "pages")
    expect(r, 1)
    lines = r.lines()
    check(len(lines) == 2, "two messages expected: %r" % r.stderr)
    expect_failure_line(lines[0], os.path.join("pages", "b.html"), "No such file or directory")
    expect_failure_line(lines[1], os.path.join("pages", "z.html"), "No such file or directory")
    check(listing(env.path("out")) == ["m.xml"], "outputs: %r" % listing(env.path("out")))


@test
def directory_and_files_mixed(env):
    env.write("pages/a.html", ARTICLE)
    env.write("pages/b.html", ARTICLE)
    c = env.write("c.htm", ARTICLE)
    r = env.run("-o", "out", "pages", c)
    expect_clean_success(r)
    check(listing(env.path("out")) == ["a.xml", "b.xml", "c.xml"], "outputs")


@test
def empty_directory_fails(env):
    os.makedirs(env.path("empty"))
    env.write("empty/readme.txt", b"no pages")
    r = env.run("empty")
    expect(r, 1)
    lines = r.lines()
    check(len(lines) == 1, "one message expected: %r" % r.stderr)
    expect_failure_line(lines[0], "empty")


@test
def missing_among_good(env):
    a = env.write("a.html", ARTICLE)
    b = env.write("b.html", ARTICLE)
    missing = env.path("missing.html")
    r = env.run("-o", "out", a, missing, b)
    expect(r, 1)
    lines = r.lines()
    check(len(lines) == 1, "one message expected: %r" % r.stderr)
    expect_failure_line(lines[0], missing, "No such file or directory")
    check(listing(env.path("out")) == ["a.xml", "b.xml"], "outputs: %r" % listing(env.path("out")))


@test
def all_inputs_fail(env):
    r = env.run("-o", "out", "nope1.html", "nope2.html")
    expect(r, 1)
    lines = r.lines()
    check(len(lines) == 2, "two messages expected: %r" % r.stderr)
    expect_failure_line(lines[0], "nope1.html")
    expect_failure_line(lines[1], "nope2.html")


@test
def same_output_name(env):
    a = env.write("a/x.html", page("Alpha is a long enough paragraph of text to be the article body here."))
    b = env.write("b/x.htm", page("Beta is a long enough paragraph of text to be the article body here."))
    r = env.run("-o", "out", "-f", "text", a, b)
    expect(r, 1)
    lines = r.lines()
    check(len(lines) == 1, "one message expected: %r" % r.stderr)
    expect_failure_line(lines[0], b)
    check("x.txt" in lines[0], "message should name the output: %r" % lines[0])
    check(listing(env.path("out")) == ["x.txt"], "outputs: %r" % listing(env.path("out")))
    data = env.read("out/x.txt")
    check(b"Alpha" in data and b"Beta" not in data, "the first input keeps the name: %r" % data[:200])


@test
def existing_output_kept_when_input_fails(env):
    env.write("out/missing.xml", b"OLD")
    env.write("out/broken.xml", b"OLD TOO")
    os.symlink("nowhere", env.path("broken.html"))
    r = env.run("-o", "out", "missing.html", "broken.html")
    expect(r, 1)
    check(env.read("out/missing.xml") == b"OLD", "existing output must be preserved")
    check(env.read("out/broken.xml") == b"OLD TOO", "existing output must be preserved")
    check(listing(env.path("out")) == ["broken.xml", "missing.xml"],
          "no temporary file left: %r" % listing(env.path("out")))


def limit_file_size(limit):
    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write() fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@test
def existing_output_kept_when_write_fails(env):
    """A write error part way (here EFBIG from RLIMIT_FSIZE) leaves the old
    output in place and no temporary file behind."""
    big = env.write("big.html", big_page())
    small = env.write("small.html", ARTICLE)
    env.write("out/big.txt", b"OLD")
    r = env.run("-o", "out", "-f", "text", big, small, preexec_fn=limit_file_size(64 * 1024))
    expect(r, 1)
    lines = r.lines()
    check(len(lines) == 1, "one message expected: %r" % r.stderr)
    expect_failure_line(lines[0], big, "File too large")
    check(os.path.join("out", "big.txt") in lines[0], "message should name the output: %r" % lines[0])
    check(env.read("out/big.txt") == b"OLD", "existing output must be preserved")
    check(b"Hello world" in env.read("out/small.txt"), "the other input is still written")
    check(listing(env.path("out")) == ["big.txt", "small.txt"],
          "no temporary file left: %r" % listing(env.path("out")))


@test
def full_output_file_system(env):
    """A full disk under -o, on a tiny tmpfs (skipped if mount is not allowed)."""
    mnt = env.path("mnt")
    mount_tmpfs(mnt, "size=64k")
    try:
        big = env.write("big.html", big_page())
        with open(os.path.join(mnt, "big.txt"), "wb") as f:
            f.write(b"OLD")
        r = env.run("-o", mnt, "-f", "text", big)
        expect(r, 1)
        lines = r.lines()
        check(len(lines) == 1, "one message expected: %r" % r.stderr)
        expect_failure_line(lines[0], big, "No space left on device")
        with open(os.path.join(mnt, "big.txt"), "rb") as f:
            check(f.read() == b"OLD", "existing output must be preserved")
        check(listing(mnt) == ["big.txt"], "no temporary file left: %r" % listing(mnt))
    finally:
        subprocess.run(["umount", mnt])


@test
def output_dir_under_a_file(env):
    a = env.write("a.html", ARTICLE)
    plain = env.write("plain", b"a file, not a directory")
    for target in (os.path.join(plain, "x"), plain):
        r = env.run("-o", target, a)
        expect(r, 1)
        lines = r.lines()
        check(len(lines) == 1, "one message expected: %r" % r.stderr)
        expect_failure_line(lines[0], target, "Not a directory")
    check(env.read("plain") == b"a file, not a directory", "the file must be untouched")


def mount_tmpfs(mnt, options):
    os.makedirs(mnt, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", mnt],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if mounted.returncode != 0:
        raise Skip("cannot mount a tmpfs here")


@test
def read_only_output_dir(env):
    """An existing output directory that cannot be written to (a read-only
    tmpfs, since root ignores permissions; skipped if mount is not allowed):
    each input fails, the old outputs stay."""
    mnt = env.path("mnt")
    mount_tmpfs(mnt, "size=64k")
    try:
        with open(os.path.join(mnt, "a.xml"), "wb") as f:
            f.write(b"OLD")
        subprocess.run(["mount", "-o", "remount,ro", mnt], check=True)
        a = env.write("a.html", ARTICLE)
        b = env.write("b.html", ARTICLE)
        r = env.run("-o", mnt, a, b)
        expect(r, 1)
        lines = r.lines()
        check(len(lines) == 2, "two messages expected: %r" % r.stderr)
        expect_failure_line(lines[0], a, "Read-only file system")
        expect_failure_line(lines[1], b, "Read-only file system")
        with open(os.path.join(mnt, "a.xml"), "rb") as f:
            check(f.read() == b"OLD", "existing output must be preserved")
    finally:
        subprocess.run(["umount", mnt])


# ---- killed runs, pages that are not pages, indentation ----

def output_fd_open(pid, directory):
    """Whether process pid holds a file in directory open (its output)."""
    fd_dir = "/proc/%d/fd" % pid
    try:
        for fd in os.listdir(fd_dir):
            try:
                target = os.readlink(os.path.join(fd_dir, fd))
            except OSError:
                continue
            if target.startswith(directory + "/"):
                return True
    except OSError:
        pass
    return False


@test
def killed_while_writing_leaves_nothing(env):
    """SIGKILL while the output is being written: no temporary file stays
    behind (an unnamed O_TMPFILE vanishes with the process)."""
    if env.prefix:
        raise Skip("timing under a wrapper")
    words = b"word " * (6 * MIB)
    big = env.write("big.html", b"<html><body><article><p>" + words + b"</p></article></body></html>")
    out = env.path("out")
    os.makedirs(out)
    for attempt in range(30):
        proc = subprocess.Popen(env.command(["-o", out, big]), cwd=env.dir,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        killed_while_writing = False
        while proc.poll() is None:
            if output_fd_open(proc.pid, out):
                proc.send_signal(signal.SIGKILL)
                killed_while_writing = True
                break
        proc.wait()
        check(listing(out) == [] if killed_while_writing else listing(out) == ["big.xml"],
              "attempt %d: left behind: %r" % (attempt, listing(out)))
        if killed_while_writing and proc.returncode == -signal.SIGKILL:
            return
        for name in listing(out):
            os.unlink(os.path.join(out, name))
    raise Failure("never caught the command while it was writing its output")


@test
def stale_temporaries_cleaned(env):
    """A run removes the hidden temporaries of the command's outputs that a
    killed run left (where O_TMPFILE is not available), older than itself;
    other files, and a temporary from now (a run writing beside it), stay."""
    a = env.write("a.html", ARTICLE)
    old = 1000000000  # 2001
    stale = ["out/.a.xml.Ab12Cd", "out/.b.txt.Zz99Yy", "out/.c.explain.txt.q1w2e3"]
    kept = ["out/.keep.me", "out/.d.xml.short", "out/notes.xml.abcdef", "out/.e.html.Ab12Cd"]
    for rel in stale + kept:
        env.write(rel, b"partial")
        os.utime(env.path(rel), (old, old))
    fresh = env.write("out/.f.xml.Fresh1", b"being written")
    future = 4000000000
    os.utime(fresh, (future, future))
    r = env.run("-o", "out", a)
    expect_clean_success(r)
    want = sorted(["a.xml", ".f.xml.Fresh1"] + [os.path.basename(k) for k in kept])
    check(listing(env.path("out")) == want, "left: %r, want %r" % (listing(env.path("out")), want))


@test
def not_html_refused(env):
    """Binary and compressed inputs are refused with status 3 and a line
    that says what they are; the pages beside them are still written."""
    png = env.write("in/img.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    gz = env.write("in/page.html", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(range(255, -1, -1)) * 4)
    good = env.write("in/good.html", ARTICLE)
    r = env.run("-o", "out", png, gz, good)
    expect(r, 3)
    lines = r.lines()
    check(len(lines) == 2, "one line per refused input: %r" % lines)
    check("img.html: not an HTML page: PNG image" in lines[0], "PNG line: %r" % lines[0])
    check("page.html: not an HTML page: gzip-compressed data (decompress it first)" in lines[1],
          "gzip line: %r" % lines[1])
    check(listing(env.path("out")) == ["good.xml"], "outputs: %r" % listing(env.path("out")))
    # One refused and one missing input: the other failure decides (1).
    r = env.run("-o", "out", png, env.path("in/missing.html"))
    expect(r, 1)
    # Noise from standard input.
    noise = bytes((i * 7919 + 13) % 256 for i in range(4096))
    r = env.run(stdin=noise)
    expect(r, 3)
    check("not an HTML page: binary data" in r.stderr, "stderr: %r" % r.stderr)
    check(r.stdout == b"", "no output for a refused input")
    # --help documents status 3.
    r = env.run("--help")
    check(b"3 if some input was not an HTML page" in r.stdout.replace(b"\n", b" ").replace(b"  ", b" "),
          "--help should document status 3")


@test
def indent_option(env):
    """XML is unindented unless --indent is given."""
    a = env.write("a.html", ARTICLE)
    r = env.run(a)
    expect_clean_success(r)
    body = r.stdout.split(b"\n", 1)[1]
    check(body.count(b"\n") == 1 and body.endswith(b"</doc>\n"), "one line: %r" % body)
    check(b"><main><p>Hello world" in body, "unindented: %r" % body)
    r = env.run("--indent", a)
    expect_clean_success(r)
    check(b">\n  <main>\n    <p>Hello world" in r.stdout, "indented: %r" % r.stdout)


@test
def utf16_without_bom_and_contradicted_hint(env):
    """UTF-16LE without a BOM is read as UTF-16LE; a UTF-16 hint on an ASCII
    page loses to what the bytes say."""
    a = env.write("a16.html", page().decode().encode("utf-16-le"))
    r = env.run("-f", "text", a)
    expect_clean_success(r)
    check(r.stdout == b"Hello world, this is a long enough paragraph of text to be the article body.\n",
          "text: %r" % r.stdout)
    r = env.run(a)
    check(b'charset="UTF-16LE" charset-source="detected"' in r.stdout, "xml: %r" % r.stdout[:200])
    b = env.write("b.html", ARTICLE)
    r = env.run("--charset=UTF-16", b)
    expect_clean_success(r)
    check(b"Hello world, this is" in r.stdout and b'charset="UTF-8" charset-source="detected"' in r.stdout,
          "hint should lose: %r" % r.stdout[:300])


# ---- driver ----

@test
def unclosed_link_menu_passes_strict(env):
    """A menu of links without </a> (each <a> closes the one before, as
    browsers parse it) is ordinary: nothing is cut, --strict succeeds, and
    the article after the menu is extracted."""
    menu = b"".join(b"<li><a href=/p%d>Section %d" % (i, i) for i in range(60))
    article = (b"<p>The harbour reopened on Monday after the storm had closed it for "
               b"three days, and the ferries ran again to the islands in the afternoon.</p>") * 4
    page = b"<!DOCTYPE html><title>t</title><ul>" + menu + b"</ul>" + article
    env.write("menu.html", page)
    result = env.run("--strict", "-f", "text", "menu.html")
    expect_clean_success(result)
    check(b"The harbour reopened" in result.stdout, "article missing: %r" % result.stdout[:200])


def run_test(exe, name):
    fn = TESTS.get(name)
    if fn is None:
        print("unknown test %r" % name, file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="winnow-cli-") as workdir:
        try:
            fn(Env(exe, workdir))
        except Skip as e:
            print("SKIP %s: %s" % (name, e))
            return SKIP
        except Failure as e:
            print("FAIL %s: %s" % (name, e))
            return 1
    print("PASS %s" % name)
    return 0


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 1
    exe = os.path.abspath(argv[1])
    if argv[2] == "--list":
        print("\n".join(TESTS))
        return 0
    if argv[2] == "--check-registered":
        registered = set(argv[3:])
        missing = sorted(set(TESTS) - registered)
        unknown = sorted(registered - set(TESTS))
        if missing or unknown:
            print("not registered in tests/cli/meson.build: %s; unknown: %s"
                  % (missing, unknown))
            return 1
        return 0
    return run_test(exe, argv[2])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
