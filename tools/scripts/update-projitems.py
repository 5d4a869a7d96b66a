#!/usr/bin/env python3
"""Rewrites the <Compile> list of a shared .projitems from the .cs files beside it.

Usage: tools/scripts/update-projitems.py Firmware/Core/Core.projitems [Firmware.Tests/Tests.projitems ...]
The device build (.nfproj) cannot expand wildcards reliably, so the lists are explicit; the host test
ProjectItemsTests fails when a list and its folder disagree.
"""
import os
import re
import sys


def update(projitems, skip_dirs):
    root = os.path.dirname(projitems)
    files = []
    for d, dirs, fs in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x not in skip_dirs and x not in ("bin", "obj"))
        for f in sorted(fs):
            if f.endswith(".cs"):
                files.append(os.path.relpath(os.path.join(d, f), root).replace("/", "\\"))
    items = "".join('    <Compile Include="$(MSBuildThisFileDirectory)%s" />\n' % f for f in sorted(files))
    text = open(projitems, encoding="utf-8").read()
    text = re.sub(r"  <ItemGroup>\n.*?  </ItemGroup>", lambda m: "  <ItemGroup>\n" + items + "  </ItemGroup>", text, count=1, flags=re.S)
    open(projitems, "w", encoding="utf-8").write(text)
    print("%s: %d files" % (projitems, len(files)))


if __name__ == "__main__":
    for path in sys.argv[1:]:
        # Host-only test code lives in Firmware.Tests/Host and is not part of the portable set.
        update(path, {"Host"})
