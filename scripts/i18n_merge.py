"""Merge each addon's exported template into its Thai catalogue (i18n/th.po).

Keeps every existing translation whose (context, source) is still in the
template, adds new terms untranslated and drops vanished ones; prints what is
left to translate. Usage: i18n_merge.py ADDON_DIR [ADDON_DIR ...]
"""

import sys
from pathlib import Path

import polib


def merge(addon):
    addon = Path(addon)
    pot = polib.pofile(str(addon / "i18n" / f"{addon.name}.pot"))
    po_path = addon / "i18n" / "th.po"
    old = polib.pofile(str(po_path)) if po_path.exists() else polib.POFile()
    known = {(e.msgctxt, e.msgid): e.msgstr for e in old if e.msgstr}
    by_source = {e.msgid: e.msgstr for e in old if e.msgstr}
    po = polib.POFile(wrapwidth=78)
    po.metadata = {
        "Project-Id-Version": "Odoo Server 18.0",
        "Language": "th",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=1; plural=0;",
    }
    missing = []
    for entry in pot:
        entry.msgstr = known.get((entry.msgctxt, entry.msgid)) or by_source.get(entry.msgid, "")
        if not entry.msgstr:
            missing.append(entry.msgid)
        po.append(entry)
    po.save(str(po_path))
    return missing


def main(addons):
    total = 0
    for addon in addons:
        missing = merge(addon)
        total += len(missing)
        print(f"{Path(addon).name}: {len(missing)} untranslated")
        for msgid in missing:
            print(f"    {msgid[:100]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
