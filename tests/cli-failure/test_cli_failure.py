#!/usr/bin/env python3
"""The winnow command under failure (issue 5).

    test_cli_failure.py WINNOW_EXE [NAME ...]   run the named cases (all by default)
    test_cli_failure.py WINNOW_EXE --list       print the case names
    test_cli_failure.py WINNOW_EXE --check-registered NAME...
                                                fail unless NAME... are all the cases

Exit 0 pass, 1 fail, 77 (meson's skip) when every case run was skipped.
Set WINNOW_TEST_WRAPPER to run the command under a tool (as tests/cli does).

Every case checks what the issue asks for: the exit status (0 all
succeeded, 1 some failed, 2 usage), one stderr line per failed input
naming it and the cause, the other inputs still processed with outputs
identical to a run in a good directory, no temporary file left in the
output directory, an existing output untouched by a failure, and the
inputs unchanged (content, size, mode, mtime).

How failures are made although the tests run as root (which ignores file
permissions):
  * permissions: the command runs as uid/gid 65534 through setpriv
    (util-linux); without setpriv, or when uid 65534 cannot reach the build
    or scratch directory, those cases are skipped. As a non-root user the
    command runs as is and permissions apply.
  * a full disk: /dev/full as stdout; a 64 KiB tmpfs for -o DIR (needs
    mount, i.e. root with CAP_SYS_ADMIN: skipped otherwise); and, where
    mount is refused too, RLIMIT_FSIZE (ulimit -f), which fails writes
    with EFBIG once the command ignores SIGXFSZ, as it must.
  * a read-only file system: a tmpfs remounted read-only (same condition).
  * a file that vanishes, or turns into a directory, between the command
    line and its reading: the input before it is a FIFO, and the test
    changes the file while the command waits on the FIFO.
"""

import errno
import hashlib
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import xml.etree.ElementTree as ET

SKIP = 77
KIB = 1 << 10
MIB = 1 << 20
DEFAULT_MAX_INPUT = 64 * MIB  # wn_options_init() default max_input_bytes
NOBODY = 65534

EXE = None  # set by main()


def page(sentence="Hello world, this is a long enough paragraph of text to be the article body."):
    return ("<html><body><article><p>%s</p></article></body></html>" % sentence).encode()


ARTICLE = page()
OTHER = page("Another article, with a paragraph long enough to be the body of its page.")


def big_page(paragraphs=20000):
    """A page whose output is far larger than 64 KiB and a pipe buffer."""
    para = ("<p>Paragraph %d of a very long article: the quick brown fox jumps over "
            "the lazy dog, again and again, so that the body is plainly the main "
            "content of this page.</p>\n")
    body = "".join(para % i for i in range(paragraphs))
    return ("<html><head><title>Big</title></head><body><article>%s</article>"
            "</body></html>" % body).encode()


def cause(code):
    """The strerror() text the command prints for an errno."""
    return os.strerror(code)


class Result:
    def __init__(self, returncode, stdout, stderr):
        self.returncode = returncode
        self.stdout = stdout or b""
        self.stderr = (stderr or b"").decode("utf-8", "replace")

    def lines(self):
        return self.stderr.splitlines()

    def __repr__(self):
        return "exit %r, stderr %r, stdout %r" % (
            self.returncode, self.stderr, self.stdout[:200])


class CliFailure(unittest.TestCase):
    maxDiff = 4000

    # ---- scratch directory and running the command ----

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="winnow-cli-failure-")
        # Cases that run as uid 65534 need to reach their files.
        os.chmod(self.dir, 0o755)
        self.addCleanup(self._remove_scratch)
        self.wrapper = os.environ.get("WINNOW_TEST_WRAPPER", "").split()
        self.frozen = {}
        self.references = 0

    def _remove_scratch(self):
        # A non-root user needs its modes back to delete what it locked.
        for root, dirs, _ in os.walk(self.dir):
            for d in dirs:
                try:
                    os.chmod(os.path.join(root, d), 0o755)
                except OSError:
                    pass
        shutil.rmtree(self.dir, ignore_errors=True)

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

    def command(self, args, prefix=()):
        return list(prefix) + self.wrapper + [EXE] + list(args)

    def run_winnow(self, *args, stdin=b"", stdout=None, prefix=(), cwd=None,
                   preexec_fn=None, timeout=300):
        """Run the command in the scratch directory (or cwd); stdout is
        captured unless a file or fd is given."""
        kwargs = {"input": stdin} if isinstance(stdin, bytes) else {"stdin": stdin}
        proc = subprocess.run(
            self.command(args, prefix),
            stdout=stdout if stdout is not None else subprocess.PIPE,
            stderr=subprocess.PIPE, cwd=cwd or self.dir, preexec_fn=preexec_fn,
            timeout=timeout, **kwargs)
        return Result(proc.returncode, proc.stdout, proc.stderr)

    # ---- what every case checks ----

    def freeze(self, *paths):
        """Remember inputs, to check they are never modified."""
        for p in paths:
            self.frozen[p] = self._fingerprint(p)

    def _fingerprint(self, p):
        st = os.stat(p)
        mode = stat.S_IMODE(st.st_mode)
        if not os.access(p, os.R_OK):  # not root: read it for a moment
            os.chmod(p, mode | stat.S_IRUSR)
        try:
            with open(p, "rb") as f:
                digest = hashlib.sha256(f.read()).hexdigest()
        finally:
            os.chmod(p, mode)
        return (digest, st.st_size, mode, st.st_mtime_ns)

    def assertInputsUnchanged(self):
        for p, before in self.frozen.items():
            self.assertEqual(self._fingerprint(p), before, "input %s was modified" % p)

    def assertExit(self, r, code):
        self.assertEqual(r.returncode, code, "expected exit %d: %r" % (code, r))

    def assertFailures(self, r, *expected):
        """Exit 1 and exactly one stderr line per failed input, in order:
        'winnow: INPUT: ...CAUSE' for each (INPUT, CAUSE) expected."""
        self.assertExit(r, 1)
        lines = r.lines()
        self.assertEqual(len(lines), len(expected),
                         "one line per failed input expected: %r" % r.stderr)
        for line, (name, why) in zip(lines, expected):
            self.assertTrue(line.startswith("winnow: %s: " % name),
                            "line should name %r: %r" % (name, line))
            self.assertIn(why, line, "line should give the cause")

    def assertClean(self, r):
        self.assertExit(r, 0)
        self.assertEqual(r.stderr, "", "no message expected")

    def assertNoTemp(self, directory):
        """The command's temporary files are hidden: '.NAME.XXXXXX'."""
        left = [n for n in os.listdir(directory) if n.startswith(".")]
        self.assertEqual(left, [], "temporary files left in %s" % directory)

    def assertListing(self, directory, names):
        self.assertEqual(sorted(os.listdir(directory)), sorted(names))

    def reference(self, *args):
        """The outputs of a run of the same inputs into a good directory:
        {file name: bytes}."""
        self.references += 1
        ref = self.path("reference-%d" % self.references)
        r = self.run_winnow("-o", ref, *args)
        if r.returncode == 4 and "no article here" in r.stderr:
            pass  # a page without an article is written all the same
        else:
            self.assertClean(r)
        outputs = {}
        for name in os.listdir(ref):
            with open(os.path.join(ref, name), "rb") as f:
                outputs[name] = f.read()
        return outputs

    def assertOutputs(self, directory, expected):
        """Each file of expected is in directory, byte for byte."""
        for name, data in expected.items():
            with open(os.path.join(directory, name), "rb") as f:
                self.assertEqual(f.read(), data, "%s is not complete" % name)

    # ---- ways to make failures as root ----

    def unprivileged(self):
        """A command prefix under which file permissions apply: nothing for
        a non-root user, setpriv to uid 65534 for root; else skip."""
        if os.geteuid() != 0:
            return []
        setpriv = shutil.which("setpriv")
        if not setpriv:
            self.skipTest("running as root (permissions ignored) and setpriv "
                          "(util-linux) is not installed")
        prefix = [setpriv, "--reuid=%d" % NOBODY, "--regid=%d" % NOBODY, "--clear-groups"]
        probe = self.write("probe/probe.html", ARTICLE)
        r = self.run_winnow("-f", "text", probe, prefix=prefix)
        shutil.rmtree(self.path("probe"))
        if r.returncode != 0:
            self.skipTest("cannot run the command as uid %d (build or scratch "
                          "directory out of its reach?): %r" % (NOBODY, r))
        return prefix

    def give_to_nobody(self, directory):
        """A directory the unprivileged command may write into."""
        os.makedirs(directory, exist_ok=True)
        if os.geteuid() == 0:
            os.chown(directory, NOBODY, NOBODY)
        return directory

    def mount_tmpfs(self, rel, options):
        mnt = self.path(rel)
        os.makedirs(mnt, exist_ok=True)
        if os.geteuid() != 0 or not shutil.which("mount"):
            self.skipTest("mounting a tmpfs needs root; the full-disk path is "
                          "still covered by /dev/full and RLIMIT_FSIZE")
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", mnt],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if r.returncode != 0:
            self.skipTest("cannot mount a tmpfs here (%s); the full-disk path "
                          "is still covered by /dev/full and RLIMIT_FSIZE"
                          % r.stdout.decode(errors="replace").strip())
        self.addCleanup(subprocess.run, ["umount", "-l", mnt])
        return mnt

    def feed_fifo_then(self, fifo, data, action):
        """Once the command opens fifo, run action(), then give it data.
        Returns the writer thread."""
        os.mkfifo(fifo)

        def writer():
            with open(fifo, "wb") as f:  # blocks until the command opens it
                action()
                f.write(data)

        t = threading.Thread(target=writer, daemon=True)
        t.start()
        return t

    # ---- unreadable inputs ----

    def test_unreadable_input(self):
        """An input the command may not read fails alone; its old output stays."""
        prefix = self.unprivileged()
        a = self.write("a.html", ARTICLE)
        secret = self.write("secret.html", OTHER)
        b = self.write("b.html", OTHER)
        expected = self.reference("a.html", "b.html")
        out = self.give_to_nobody(self.path("out"))
        self.write("out/secret.xml", b"OLD")
        self.freeze(a, secret, b)
        os.chmod(secret, 0)
        r = self.run_winnow("-o", "out", "a.html", "secret.html", "b.html", prefix=prefix)
        os.chmod(secret, 0o644)
        self.assertFailures(r, ("secret.html", cause(errno.EACCES)))
        self.assertListing(out, ["a.xml", "b.xml", "secret.xml"])
        self.assertOutputs(out, expected)
        self.assertEqual(self.read("out/secret.xml"), b"OLD")
        self.assertInputsUnchanged()

    def test_unreadable_input_to_stdout(self):
        prefix = self.unprivileged()
        secret = self.write("secret.html", ARTICLE)
        self.freeze(secret)
        os.chmod(secret, 0)
        r = self.run_winnow("secret.html", prefix=prefix)
        os.chmod(secret, 0o644)
        self.assertFailures(r, ("secret.html", cause(errno.EACCES)))
        self.assertEqual(r.stdout, b"")
        self.assertInputsUnchanged()

    def test_unreadable_directory(self):
        """A directory operand that cannot be listed fails; the files after it
        are still processed."""
        prefix = self.unprivileged()
        hidden = self.write("pages/x.html", OTHER)
        c = self.write("c.html", ARTICLE)
        expected = self.reference("c.html")
        out = self.give_to_nobody(self.path("out"))
        self.freeze(hidden, c)
        os.chmod(self.path("pages"), 0)
        r = self.run_winnow("-o", "out", "pages", "c.html", prefix=prefix)
        os.chmod(self.path("pages"), 0o755)
        self.assertFailures(r, ("pages", cause(errno.EACCES)))
        self.assertListing(out, ["c.xml"])
        self.assertOutputs(out, expected)
        self.assertInputsUnchanged()

    def test_missing_input(self):
        a = self.write("a.html", ARTICLE)
        b = self.write("b.html", OTHER)
        expected = self.reference("a.html", "b.html")
        self.write("out/nope.xml", b"OLD")
        self.freeze(a, b)
        r = self.run_winnow("-o", "out", "a.html", "nope.html", "b.html")
        self.assertFailures(r, ("nope.html", cause(errno.ENOENT)))
        self.assertListing(self.path("out"), ["a.xml", "b.xml", "nope.xml"])
        self.assertOutputs(self.path("out"), expected)
        self.assertEqual(self.read("out/nope.xml"), b"OLD")
        r = self.run_winnow("nope.html")
        self.assertFailures(r, ("nope.html", cause(errno.ENOENT)))
        self.assertEqual(r.stdout, b"")
        self.assertInputsUnchanged()

    def test_newline_in_file_name(self):
        """A control character in a name must not split the message."""
        r = self.run_winnow("-o", "out", "bad\nname.html", "tab\there.html")
        self.assertFailures(r, ("bad?name.html", cause(errno.ENOENT)),
                            ("tab?here.html", cause(errno.ENOENT)))

    def assertNoArticle(self, r, name):
        """Exit 4 and one "no article here" line: the page held no article."""
        self.assertExit(r, 4)
        self.assertEqual(r.stderr, "winnow: %s: no article here: the page holds no prose\n" % name)

    def test_empty_input(self):
        """An empty file is a page without content, not an error: a complete,
        empty document, and the status that says no article was found."""
        empty = self.write("empty.html", b"")
        a = self.write("a.html", ARTICLE)
        self.freeze(empty, a)
        r = self.run_winnow("empty.html")
        self.assertNoArticle(r, "empty.html")
        self.assertEqual(ET.fromstring(r.stdout).tag, "doc")
        self.assertEqual(r.stdout, self.run_winnow(stdin=b"").stdout)
        expected = self.reference("-f", "text", "empty.html", "a.html")
        r = self.run_winnow("-o", "out", "-f", "text", "empty.html", "a.html")
        self.assertNoArticle(r, "empty.html")
        self.assertListing(self.path("out"), ["a.txt", "empty.txt"])
        self.assertOutputs(self.path("out"), expected)
        self.assertInputsUnchanged()

    # ---- a directory, or nothing, where a file was expected ----

    def test_stdin_is_a_directory(self):
        a = self.write("a.html", ARTICLE)
        os.makedirs(self.path("adir"))
        expected = self.reference("a.html")
        self.freeze(a)
        fd = os.open(self.path("adir"), os.O_RDONLY)
        try:
            r = self.run_winnow(stdin=fd)
            self.assertFailures(r, ("<stdin>", cause(errno.EISDIR)))
            self.assertEqual(r.stdout, b"")
            r = self.run_winnow("-o", "out", "-", "a.html", stdin=fd)
        finally:
            os.close(fd)
        self.assertFailures(r, ("<stdin>", cause(errno.EISDIR)))
        self.assertListing(self.path("out"), ["a.xml"])
        self.assertOutputs(self.path("out"), expected)
        self.assertInputsUnchanged()

    def test_stdin_closed(self):
        a = self.write("a.html", ARTICLE)
        expected = self.reference("a.html")
        self.freeze(a)
        r = self.run_winnow("-o", "out", "-", "a.html", stdin=subprocess.DEVNULL,
                            preexec_fn=lambda: os.close(0))
        self.assertFailures(r, ("<stdin>", cause(errno.EBADF)))
        self.assertListing(self.path("out"), ["a.xml"])
        self.assertOutputs(self.path("out"), expected)
        self.assertInputsUnchanged()

    def test_file_with_a_trailing_slash(self):
        a = self.write("a.html", ARTICLE)
        b = self.write("b.html", OTHER)
        expected = self.reference("b.html")
        self.freeze(a, b)
        r = self.run_winnow("-o", "out", "a.html/", "b.html")
        self.assertFailures(r, ("a.html/", cause(errno.ENOTDIR)))
        self.assertListing(self.path("out"), ["b.xml"])
        self.assertOutputs(self.path("out"), expected)
        self.assertInputsUnchanged()

    def test_file_turns_into_a_directory(self):
        """Taken as a file on the command line, a directory when read."""
        self.write("gate.html", ARTICLE)
        expected = self.reference("gate.html")
        os.unlink(self.path("gate.html"))
        b = self.write("b.html", OTHER)

        def to_directory():
            os.unlink(b)
            os.mkdir(b)

        t = self.feed_fifo_then(self.path("gate.html"), ARTICLE, to_directory)
        r = self.run_winnow("-o", "out", "gate.html", "b.html")
        t.join(timeout=60)
        self.assertFailures(r, ("b.html", cause(errno.EISDIR)))
        self.assertListing(self.path("out"), ["gate.xml"])
        self.assertOutputs(self.path("out"), expected)

    def test_file_vanishes(self):
        """Deleted between the command line and its reading."""
        self.write("gate.html", ARTICLE)
        c = self.write("c.html", OTHER)
        expected = self.reference("gate.html", "c.html")
        os.unlink(self.path("gate.html"))
        b = self.write("b.html", OTHER)
        self.freeze(c)
        t = self.feed_fifo_then(self.path("gate.html"), ARTICLE, lambda: os.unlink(b))
        r = self.run_winnow("-o", "out", "gate.html", "b.html", "c.html")
        t.join(timeout=60)
        self.assertFailures(r, ("b.html", cause(errno.ENOENT)))
        self.assertListing(self.path("out"), ["c.xml", "gate.xml"])
        self.assertOutputs(self.path("out"), expected)
        self.assertInputsUnchanged()

    # ---- endless inputs ----

    def test_endless_device(self):
        """/dev/zero is read up to the input limit, and the limit is named."""
        a = self.write("a.html", ARTICLE)
        expected = self.reference("a.html")
        self.freeze(a)
        r = self.run_winnow("-o", "out", "/dev/zero", "a.html")
        self.assertFailures(r, ("/dev/zero", "input larger than the 64 MiB limit"))
        self.assertListing(self.path("out"), ["a.xml"])
        self.assertOutputs(self.path("out"), expected)
        self.assertInputsUnchanged()

    def test_endless_fifo(self):
        """A FIFO that never ends is read boundedly."""
        fifo = self.path("endless.html")
        os.mkfifo(fifo)
        written = [0]
        chunk = b"<p>" + b"x" * (MIB - 3)

        def writer():
            try:
                with open(fifo, "wb") as f:
                    while written[0] < 4 * DEFAULT_MAX_INPUT:
                        f.write(chunk)
                        written[0] += len(chunk)
            except OSError:  # EPIPE once the command stops reading
                pass

        t = threading.Thread(target=writer, daemon=True)
        t.start()
        r = self.run_winnow("endless.html")
        t.join(timeout=60)
        self.assertFailures(r, ("endless.html", "input larger than the 64 MiB limit"))
        self.assertEqual(r.stdout, b"")
        self.assertLess(written[0], DEFAULT_MAX_INPUT + 8 * MIB,
                        "read far past the limit of an endless input")

    # ---- output directory problems ----

    def test_output_dir_not_writable(self):
        """Each input fails on its own line; old outputs stay."""
        prefix = self.unprivileged()
        a = self.write("a.html", ARTICLE)
        b = self.write("b.html", OTHER)
        self.write("out/a.xml", b"OLD")
        os.chmod(self.path("out"), 0o555)
        self.freeze(a, b)
        r = self.run_winnow("-o", "out", "a.html", "b.html", prefix=prefix)
        denied = cause(errno.EACCES)
        self.assertFailures(r, ("a.html", "out/a.xml: " + denied),
                            ("b.html", "out/b.xml: " + denied))
        self.assertListing(self.path("out"), ["a.xml"])
        self.assertEqual(self.read("out/a.xml"), b"OLD")
        self.assertInputsUnchanged()

    def test_current_dir_not_writable(self):
        """Several inputs without -o go to the current directory."""
        prefix = self.unprivileged()
        a = self.write("in/a.html", ARTICLE)
        b = self.write("in/b.html", OTHER)
        cwd = self.path("here")
        os.makedirs(cwd)
        os.chmod(cwd, 0o555)
        self.freeze(a, b)
        r = self.run_winnow(a, b, prefix=prefix, cwd=cwd)
        denied = cause(errno.EACCES)
        self.assertFailures(r, (a, "./a.xml: " + denied), (b, "./b.xml: " + denied))
        self.assertListing(cwd, [])
        self.assertInputsUnchanged()

    def test_output_dir_cannot_be_created(self):
        """Stops before any input: one line naming the directory."""
        prefix = self.unprivileged()
        a = self.write("a.html", ARTICLE)
        os.makedirs(self.path("locked"))
        os.chmod(self.path("locked"), 0o555)
        self.freeze(a)
        r = self.run_winnow("-o", "locked/out", "a.html", "nope.html", prefix=prefix)
        self.assertFailures(r, ("locked/out", "cannot create the output directory: "
                                + cause(errno.EACCES)))
        self.assertListing(self.path("locked"), [])
        self.assertInputsUnchanged()

    def test_output_dir_is_a_file(self):
        a = self.write("a.html", ARTICLE)
        plain = self.write("plain", b"a file, not a directory")
        self.freeze(a, plain)
        for target in ("plain", "plain/sub"):
            r = self.run_winnow("-o", target, "a.html", "a.html")
            self.assertFailures(r, (target, "cannot create the output directory: "
                                    + cause(errno.ENOTDIR)))
        self.assertListing(self.dir, ["a.html", "plain"])
        self.assertInputsUnchanged()

    def test_read_only_file_system(self):
        mnt = self.mount_tmpfs("mnt", "size=64k")
        with open(os.path.join(mnt, "a.xml"), "wb") as f:
            f.write(b"OLD")
        subprocess.run(["mount", "-o", "remount,ro", mnt], check=True)
        a = self.write("a.html", ARTICLE)
        b = self.write("b.html", OTHER)
        self.freeze(a, b)
        r = self.run_winnow("-o", mnt, "a.html", "b.html")
        rofs = cause(errno.EROFS)
        self.assertFailures(r, ("a.html", rofs), ("b.html", rofs))
        self.assertListing(mnt, ["a.xml"])
        self.assertEqual(self.read("mnt/a.xml"), b"OLD")
        self.assertInputsUnchanged()

    def test_output_is_a_directory(self):
        """An output name taken by a directory: that input fails, the
        directory is left as it was."""
        a = self.write("a.html", ARTICLE)
        b = self.write("b.html", OTHER)
        expected = self.reference("b.html")
        self.write("out/a.xml/keep", b"KEEP")
        self.freeze(a, b)
        r = self.run_winnow("-o", "out", "a.html", "b.html")
        self.assertFailures(r, ("a.html", "out/a.xml: " + cause(errno.EISDIR)))
        self.assertListing(self.path("out"), ["a.xml", "b.xml"])
        self.assertListing(self.path("out/a.xml"), ["keep"])
        self.assertEqual(self.read("out/a.xml/keep"), b"KEEP")
        self.assertOutputs(self.path("out"), expected)
        self.assertInputsUnchanged()

    def test_same_output_name(self):
        """Two inputs named alike: the first keeps the name (replacing an
        older file), the second fails and says whose output it is."""
        x1 = self.write("a/x.html", ARTICLE)
        x2 = self.write("b/x.htm", OTHER)
        y = self.write("y.html", OTHER)
        expected = self.reference("-f", "text", "a/x.html", "y.html")
        self.write("out/x.txt", b"OLD")
        self.freeze(x1, x2, y)
        r = self.run_winnow("-o", "out", "-f", "text", "a/x.html", "b/x.htm", "y.html")
        self.assertFailures(r, ("b/x.htm", "out/x.txt: already the output of a/x.html"))
        self.assertListing(self.path("out"), ["x.txt", "y.txt"])
        self.assertOutputs(self.path("out"), expected)
        self.assertNoTemp(self.path("out"))
        self.assertInputsUnchanged()

    def test_output_would_replace_an_input(self):
        """-f text on a .txt input writing beside itself, or stdin read from
        the file its output would go to: refused, the input kept."""
        notes = self.write("notes.txt", ARTICLE)
        b = self.write("b.html", OTHER)
        stdin_file = self.write("stdin.xml", ARTICLE)
        expected = self.reference("-f", "text", "b.html")
        self.freeze(notes, b, stdin_file)
        r = self.run_winnow("-o", ".", "-f", "text", "notes.txt", "b.html")
        self.assertFailures(r, ("notes.txt", "./notes.txt: would replace the input notes.txt"))
        self.assertOutputs(self.dir, expected)
        with open(stdin_file, "rb") as f:
            r = self.run_winnow("-o", ".", stdin=f)
        self.assertFailures(r, ("<stdin>", "./stdin.xml: would replace the input <stdin>"))
        self.assertNoTemp(self.dir)
        self.assertInputsUnchanged()

    # ---- full disks ----

    def test_full_stdout(self):
        a = self.write("a.html", ARTICLE)
        big = self.write("big.html", big_page(2000))
        self.freeze(a, big)
        for name, fmt in (("a.html", "xml"), ("big.html", "text"), ("big.html", "explain")):
            with open("/dev/full", "wb") as full:
                r = self.run_winnow("-f", fmt, name, stdout=full)
            self.assertFailures(r, (name, "standard output: " + cause(errno.ENOSPC)))
        self.assertInputsUnchanged()

    def test_closed_stdout(self):
        a = self.write("a.html", ARTICLE)
        self.freeze(a)
        r = self.run_winnow("a.html", stdout=subprocess.DEVNULL,
                            preexec_fn=lambda: os.close(1))
        self.assertFailures(r, ("a.html", "standard output: " + cause(errno.EBADF)))
        self.assertInputsUnchanged()

    def test_full_output_file_system(self):
        """A 64 KiB tmpfs: the big output fails with ENOSPC, leaves no temp
        file and the old output; the small one after it is written."""
        mnt = self.mount_tmpfs("mnt", "size=64k")
        big = self.write("big.html", big_page())
        small = self.write("small.html", ARTICLE)
        expected = self.reference("-f", "text", "small.html")
        with open(os.path.join(mnt, "big.txt"), "wb") as f:
            f.write(b"OLD")
        self.freeze(big, small)
        r = self.run_winnow("-o", mnt, "-f", "text", "big.html", "small.html")
        self.assertFailures(r, ("big.html", "mnt/big.txt: " + cause(errno.ENOSPC)))
        self.assertListing(mnt, ["big.txt", "small.txt"])
        self.assertEqual(self.read("mnt/big.txt"), b"OLD")
        self.assertOutputs(mnt, expected)
        self.assertInputsUnchanged()

    def test_file_size_limit(self):
        """ulimit -f: the command must not die of SIGXFSZ (leaving its temp
        file) but report EFBIG and go on. SIGXFSZ is left at its default
        here, as a shell leaves it."""
        big = self.write("big.html", big_page())
        small = self.write("small.html", ARTICLE)
        expected = self.reference("-f", "text", "small.html")
        self.write("out/big.txt", b"OLD")
        self.freeze(big, small)

        def limit():
            signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
            resource.setrlimit(resource.RLIMIT_FSIZE, (64 * KIB, 64 * KIB))

        r = self.run_winnow("-o", "out", "-f", "text", "big.html", "small.html",
                            preexec_fn=limit)
        self.assertNotEqual(r.returncode, -signal.SIGXFSZ, "killed by SIGXFSZ")
        self.assertFailures(r, ("big.html", "out/big.txt: " + cause(errno.EFBIG)))
        self.assertListing(self.path("out"), ["big.txt", "small.txt"])
        self.assertEqual(self.read("out/big.txt"), b"OLD")
        self.assertOutputs(self.path("out"), expected)
        self.assertInputsUnchanged()

    # ---- SIGPIPE ----

    def test_pipe_into_head(self):
        """`winnow big.html | head -c 10`: quiet, status 0, and head got the
        first bytes of the output."""
        big = self.write("big.html", big_page())
        self.freeze(big)
        whole = self.run_winnow("-f", "text", "big.html")
        self.assertClean(whole)
        winnow = subprocess.Popen(self.command(["-f", "text", "big.html"]), cwd=self.dir,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        head = subprocess.Popen(["head", "-c", "10"], stdin=winnow.stdout,
                                stdout=subprocess.PIPE)
        winnow.stdout.close()
        got = head.communicate(timeout=300)[0]
        err = winnow.stderr.read()
        winnow.stderr.close()
        code = winnow.wait(timeout=300)
        self.assertEqual(got, whole.stdout[:10])
        self.assertEqual(err, b"", "a closed pipe must be quiet")
        self.assertEqual(code, 0, "a closed pipe is not a failure")
        self.assertInputsUnchanged()

    def test_pipe_closed_before_start(self):
        """The reader is gone before the first write, SIGPIPE at its default."""
        a = self.write("a.html", ARTICLE)
        self.freeze(a)
        for args in (["a.html"], ["-f", "text", "a.html"], ["--help"], ["--version"]):
            rfd, wfd = os.pipe()
            os.close(rfd)
            try:
                r = self.run_winnow(*args, stdout=wfd)
            finally:
                os.close(wfd)
            self.assertClean(r)
        self.assertInputsUnchanged()

    def test_pipe_through_shell(self):
        """The same through sh, which reports a death by signal: nothing on
        the pipeline's stderr."""
        big = self.write("big.html", big_page())
        self.freeze(big)
        cmd = " ".join("'%s'" % a.replace("'", "'\\''") for a in self.command(["big.html"]))
        proc = subprocess.run(["sh", "-c", "%s | head -c 10 >/dev/null" % cmd],
                              stderr=subprocess.PIPE, cwd=self.dir, timeout=300)
        self.assertEqual(proc.returncode, 0)
        self.assertEqual(proc.stderr, b"", "no 'Broken pipe' noise")
        self.assertInputsUnchanged()

    # ---- usage errors keep status 2 ----

    def test_usage_error_touches_nothing(self):
        a = self.write("a.html", ARTICLE)
        self.freeze(a)
        r = self.run_winnow("-o", "out", "--bogus", "a.html")
        self.assertExit(r, 2)
        self.assertEqual(len(r.lines()), 2, "message and --help hint: %r" % r.stderr)
        self.assertListing(self.dir, ["a.html"])
        self.assertInputsUnchanged()

    def tearDown(self):
        # Every output directory a case used is free of temporary files.
        for root, dirs, _ in os.walk(self.dir):
            for d in dirs:
                full = os.path.join(root, d)
                if os.access(full, os.R_OK | os.X_OK):
                    self.assertNoTemp(full)
            self.assertNoTemp(root)


# ---- driver ----

def case_names():
    return [n[len("test_"):] for n in unittest.TestLoader().getTestCaseNames(CliFailure)]


def main(argv):
    global EXE
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 1
    EXE = os.path.abspath(argv[1])
    names = argv[2:]
    if names[:1] == ["--list"]:
        print("\n".join(case_names()))
        return 0
    if names[:1] == ["--check-registered"]:
        registered, known = set(names[1:]), set(case_names())
        if registered != known:
            print("not registered in tests/cli-failure/meson.build: %s; unknown: %s"
                  % (sorted(known - registered), sorted(registered - known)))
            return 1
        return 0
    loader = unittest.TestLoader()
    if names:
        suite = unittest.TestSuite(loader.loadTestsFromName("test_" + n, CliFailure)
                                   for n in names)
    else:
        suite = loader.loadTestsFromTestCase(CliFailure)
    result = unittest.TextTestRunner(stream=sys.stdout, verbosity=2).run(suite)
    if not result.wasSuccessful():
        return 1
    if result.testsRun and len(result.skipped) == result.testsRun:
        return SKIP
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
