#!/usr/bin/python3
"""Runs a command and prints its exit status and its peak resident memory in KiB, as JSON, on stdout
(the command's own output goes to stderr). The only child of this process is the command, so the
figure is the command's own.

Usage: /usr/bin/python3 Tests/Tools/max_rss.py COMMAND [ARG ...]
"""
import json
import resource
import subprocess
import sys

done = subprocess.run(sys.argv[1:], stdout=sys.stderr)
print(json.dumps({"status": done.returncode, "max_rss_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
