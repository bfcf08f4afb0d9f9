#!/usr/bin/env python3
"""Bounded sheet submissions against the service while run.sh cuts and restores the database's link.

Usage: load.py BASE_URL KEY ROUND UNITS_CSV SECONDS OUT_JSON
Writes every answer (start as seconds since the epoch, duration, status) and every acknowledged revision
to OUT_JSON.
"""
import json
import random
import sys
import threading
import time
import urllib.error
import urllib.request

BASE, KEY, ROUND, UNITS, SECONDS, OUT = sys.argv[1:7]
UNITS = [int(u) for u in UNITS.split(",")]
SECONDS = float(SECONDS)
CODES = {"I": "IMPLEMENTED", "P": "PARTIAL", "N": "NOT_IMPLEMENTED", "U": "UNKNOWN"}
# Far beyond the documented limits: a request still unanswered then counts as hung.
HUNG = 60

answers, acks = [], []
lock = threading.Lock()
deadline = time.monotonic() + SECONDS


def put(unit, letters):
    body = json.dumps({"answers": [{"question": q + 1, "answer": CODES[c]} for q, c in enumerate(letters)]}).encode()
    request = urllib.request.Request(f"{BASE}/api/v1/rounds/{ROUND}/submissions/{unit}", data=body, method="PUT",
                                     headers={"Authorization": f"Bearer {KEY}", "Content-Type": "application/json",
                                              "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=HUNG) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as refused:
        return refused.code, None
    except OSError:
        return 0, None


def writer(seed):
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        unit = rng.choice(UNITS)
        letters = "".join(rng.choice("IPNU") for _ in range(25))
        at, began = time.time(), time.monotonic()
        status, body = put(unit, letters)
        took = time.monotonic() - began
        with lock:
            answers.append({"at": at, "took": took, "status": status})
            if status in (200, 201):
                acks.append({"unit": unit, "revision": body["revision"], "letters": letters})
        if status not in (200, 201):
            time.sleep(0.2)  # a client backing off, so that the outage is not a busy loop


threads = [threading.Thread(target=writer, args=(seed,)) for seed in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
with open(OUT, "w") as out:
    json.dump({"answers": answers, "acks": acks}, out)
