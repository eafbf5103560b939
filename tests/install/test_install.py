#!/usr/bin/env python3
"""`meson install` into a temporary directory, then examples/crawl.c built
against the installed libwinnow with pkg-config, as a user would, and run
on a corpus page.

    test_install.py BUILD_DIR SOURCE_DIR CC SANITIZE
"""
import json
import os
import shlex
import subprocess
import sys
import tempfile


def run(cmd, env=None, **kw):
    print("$", " ".join(shlex.quote(c) for c in cmd))
    r = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True, **kw)
    if r.returncode != 0:
        print(r.stdout)
        raise SystemExit("failed with status %d" % r.returncode)
    return r.stdout


def main(argv):
    build, source, cc, sanitize = argv[1], argv[2], shlex.split(argv[3]), argv[4]
    options = {o["name"]: o["value"] for o in
               json.loads(run(["meson", "introspect", "--buildoptions", build]))}
    prefix, libdir = options["prefix"], options["libdir"]
    includedir, mandir = options["includedir"], options["mandir"]
    with tempfile.TemporaryDirectory(prefix="winnow-install-") as tmp:
        destdir = os.path.join(tmp, "dest")
        run(["meson", "install", "-C", build, "--no-rebuild", "--destdir", destdir])
        root = destdir + prefix
        lib = os.path.join(root, libdir)
        for path in (os.path.join(root, includedir, "winnow.h"),
                     os.path.join(root, mandir, "man1", "winnow.1"),
                     os.path.join(root, "bin", "winnow"),
                     os.path.join(lib, "libwinnow.so"),
                     os.path.join(lib, "libwinnow.a"),
                     os.path.join(lib, "pkgconfig", "winnow.pc")):
            if not os.path.exists(path):
                raise SystemExit("not installed: %s" % path)

        # pkg-config finds the installed winnow.pc; its prefix is moved to
        # where DESTDIR put it.
        env = dict(os.environ)
        env["PKG_CONFIG_PATH"] = os.path.join(lib, "pkgconfig")
        flags = run(["pkg-config", "--define-variable=prefix=" + root, "--cflags", "--libs",
                     "winnow"], env=env).split()
        if not any(f.startswith("-I" + root) for f in flags) or "-lwinnow" not in flags:
            raise SystemExit("pkg-config flags do not name the installed tree: %s" % flags)
        exe = os.path.join(tmp, "crawl")
        extra = ["-fsanitize=" + sanitize] if sanitize not in ("", "none") else []
        run(cc + ["-std=c11", "-Wall", "-Wextra", "-Werror"] + extra +
            [os.path.join(source, "examples", "crawl.c"), "-o", exe] + flags)

        # It runs on the installed shared library.
        env["LD_LIBRARY_PATH"] = lib
        ldd = run(["ldd", exe], env=env)
        if os.path.join(lib, "libwinnow.so") not in ldd:
            raise SystemExit("the example does not load the installed libwinnow:\n" + ldd)
        pages = os.path.join(source, "corpus", "pages")
        out = run([exe, os.path.join(pages, "en-wp-recipe.html"),
                   os.path.join(pages, "en-login-wall.html")], env=env)
        print(out[:400])
        if "== Weeknight Red Lentil Soup" not in out or "red lentils" not in out.lower():
            raise SystemExit("the article is missing from the example's output")
        if "no article (sign-in page)" not in out:
            raise SystemExit("the sign-in page was not told apart")
    print("installed, built with pkg-config, ran")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
