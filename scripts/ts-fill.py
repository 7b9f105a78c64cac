#!/usr/bin/env python3
"""Fill unfinished entries of a Qt .ts catalog from a JSON object {source: translation}.

Usage: scripts/ts-fill.py translations/pipedeck_ja.ts < translations.json
       scripts/ts-fill.py --list translations/pipedeck_ja.ts   (print unfinished sources as JSON)

Keys may be "source" or "Context|source" when one source needs different
translations in different contexts. Vanished/obsolete entries are dropped.
"""
import html
import json
import re
import sys

MESSAGE = re.compile(r"(\s*<message[^>]*>.*?</message>)", re.S)
CONTEXT = re.compile(r"<context>\s*<name>(.*?)</name>(.*?)</context>", re.S)


def unescape(text):
    return html.unescape(text)


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def main():
    args = sys.argv[1:]
    listing = args and args[0] == "--list"
    if listing:
        args = args[1:]
    path = args[0]
    with open(path, encoding="utf-8") as f:
        ts = f.read()
    mapping = {} if listing else json.load(sys.stdin)
    pending = {}

    def fix_context(cm):
        context = unescape(cm.group(1))

        def fix_message(mm):
            msg = mm.group(1)
            if re.search(r'type="(vanished|obsolete)"', msg):
                return ""
            if 'type="unfinished"' not in msg:
                return msg
            source = unescape(re.search(r"<source>(.*?)</source>", msg, re.S).group(1))
            plural = "numerus=\"yes\"" in msg
            value = mapping.get(context + "|" + source, mapping.get(source))
            if value is None:
                pending[source] = ""
                return msg
            if plural:
                body = "<translation>\n            <numerusform>%s</numerusform>\n        </translation>" % escape(value)
            else:
                body = "<translation>%s</translation>" % escape(value)
            return re.sub(r"<translation[^>]*>.*?</translation>|<translation[^>]*/>", lambda _: body, msg, flags=re.S)

        return "<context>\n    <name>%s</name>%s</context>" % (cm.group(1), MESSAGE.sub(fix_message, cm.group(2)))

    ts = CONTEXT.sub(fix_context, ts)
    if listing:
        json.dump(pending, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return
    with open(path, "w", encoding="utf-8") as f:
        f.write(ts)
    if pending:
        print("still unfinished:", json.dumps(pending, ensure_ascii=False, indent=1), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
