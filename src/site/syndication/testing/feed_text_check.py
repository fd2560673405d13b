"""What a feed reader built on feedparser makes of our feeds' text.

Reads a JSON list of {"file", "contentType"} on stdin and prints, for each document, the problems a reader
would meet, as a JSON list of {"file", "problems"}:

  * feedparser raised, or set bozo (the document is not what it says it is);
  * a text field (feed and entry title, the channel description, authors, categories, a plain-text summary)
    is typed as HTML, so a reader would render it as markup;
  * a text field holds markup at all (a tag, comment or declaration), which a reader that shows titles with
    innerHTML would build;
  * an HTML field (an entry's HTML summary or content), after feedparser's own sanitiser, still holds
    something that runs: a script-capable element, an on* attribute or a javascript:/vbscript:/data: URL.

JSON Feed is read with the standard library (feedparser 6.0 has no JSON Feed support), with the same checks:
JSON Feed's title, summary, content_text, author names and tags are plain text by its specification.
"""

import json
import sys
from html.parser import HTMLParser

import feedparser

HTML_TYPES = {"text/html", "application/xhtml+xml"}
# Elements that run code or load a document, wherever a reader lets them through.
RUNNING_ELEMENTS = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "style", "base",
    "meta", "link", "form", "input", "button", "textarea", "noscript", "template", "xmp", "noembed", "portal",
}
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "xlink:href", "data", "poster", "background"}
RUNNING_SCHEMES = ("javascript:", "vbscript:", "data:")


class Inventory(HTMLParser):
    """Every piece of markup in a string, and which of it would run."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.markup = []
        self.running = []

    def handle_starttag(self, tag, attrs):
        self.markup.append("<%s>" % tag)
        if tag in RUNNING_ELEMENTS:
            self.running.append("<%s>" % tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.running.append("%s[%s]" % (tag, name))
            if name in URL_ATTRIBUTES and value and runs_as_url(value):
                self.running.append("%s[%s=%s]" % (tag, name, value[:40]))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        self.markup.append("</%s>" % tag)

    def handle_comment(self, data):
        self.markup.append("<!--")

    def handle_decl(self, decl):
        self.markup.append("<!%s" % decl[:20])

    def unknown_decl(self, data):
        self.markup.append("<![%s" % data[:20])

    def handle_pi(self, data):
        self.markup.append("<?%s" % data[:20])


def runs_as_url(value):
    squeezed = "".join(ch for ch in value if ch > " ").lower()
    return any(squeezed.startswith(scheme) for scheme in RUNNING_SCHEMES)


def inventory(value):
    parser = Inventory()
    parser.feed(value or "")
    parser.close()
    return parser


def check_text(problems, where, value, detail=None):
    if value is None:
        return
    kind = (detail or {}).get("type")
    if kind in HTML_TYPES:
        problems.append("%s typed %s: %r" % (where, kind, value[:120]))
    found = inventory(value).markup
    if found:
        problems.append("%s holds markup %s: %r" % (where, found[:5], value[:120]))


def check_html(problems, where, value):
    found = inventory(value).running
    if found:
        problems.append("%s runs %s" % (where, found[:5]))


def check_xml(path, content_type):
    problems = []
    with open(path, "rb") as handle:
        data = handle.read()
    parsed = feedparser.parse(data, response_headers={"content-type": content_type})
    if parsed.bozo:
        problems.append("bozo: %s" % parsed.get("bozo_exception"))
    feed = parsed.feed
    check_text(problems, "feed title", feed.get("title"), feed.get("title_detail"))
    # feedparser types an RSS <description> text/html whatever it holds (RSS's convention); plain text without
    # markup reads the same as HTML, so there only the markup is checked.
    rss = (parsed.get("version") or "").startswith("rss")
    check_text(problems, "feed description", feed.get("subtitle"), None if rss else feed.get("subtitle_detail"))
    check_text(problems, "feed author", feed.get("author"), None)
    for index, entry in enumerate(parsed.entries):
        where = "entry %d" % index
        check_text(problems, where + " title", entry.get("title"), entry.get("title_detail"))
        check_text(problems, where + " author", entry.get("author"), None)
        for author in entry.get("authors", []):
            check_text(problems, where + " author name", author.get("name"), None)
        for tag in entry.get("tags", []):
            check_text(problems, where + " category", tag.get("term"), None)
        summary = entry.get("summary_detail")
        if summary is not None:
            if summary.get("type") in HTML_TYPES:
                check_html(problems, where + " summary", summary.get("value"))
            else:
                check_text(problems, where + " summary", summary.get("value"), summary)
        for content in entry.get("content", []):
            check_html(problems, where + " content", content.get("value"))
    return problems


def check_json(path):
    problems = []
    with open(path, encoding="utf-8") as handle:
        feed = json.load(handle)
    check_text(problems, "feed title", feed.get("title"))
    check_text(problems, "feed description", feed.get("description"))
    for author in feed.get("authors", []):
        check_text(problems, "feed author", author.get("name"))
    for index, item in enumerate(feed.get("items", [])):
        where = "item %d" % index
        for field in ("title", "summary", "content_text"):
            check_text(problems, "%s %s" % (where, field), item.get(field))
        for author in item.get("authors", []):
            check_text(problems, where + " author", author.get("name"))
        for tag in item.get("tags", []):
            check_text(problems, where + " tag", tag)
        if item.get("content_html") is not None:
            check_html(problems, where + " content_html", item["content_html"])
    return problems


def main():
    report = []
    for document in json.load(sys.stdin):
        path, content_type = document["file"], document["contentType"]
        try:
            if "json" in content_type:
                problems = check_json(path)
            else:
                problems = check_xml(path, content_type)
        except Exception as error:  # a reader that raises shows nothing at all
            problems = ["raised %s: %s" % (type(error).__name__, error)]
        report.append({"file": path, "problems": problems})
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()
