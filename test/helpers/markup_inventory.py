#!/usr/bin/env python3
"""Reads a JSON array of HTML documents on stdin and prints, as JSON, one inventory per document: the sorted
list of "tag" and "tag@attribute" names it contains, and every href/src/action value. Tests compare these
inventories to a clean page's, so hostile text cannot add an element, an attribute or a URL scheme unnoticed.
Python's standard-library parser reads the markup the way a browser tokenizer does, unlike a regex."""
import json
import sys
from html.parser import HTMLParser

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "data"}


class Inventory(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.names = set()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        self.names.add(tag)
        for name, value in attrs:
            self.names.add(f"{tag}@{name}")
            if name in URL_ATTRIBUTES and value is not None:
                self.urls.append(value)

    handle_startendtag = handle_starttag


result = []
for html in json.load(sys.stdin):
    parser = Inventory()
    parser.feed(html)
    parser.close()
    result.append({"names": sorted(parser.names), "urls": parser.urls})
json.dump(result, sys.stdout)
