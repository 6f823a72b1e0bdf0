"""`goodair report` on the shared demo lake: the pages parse as HTML with balanced tags, load
nothing from the network, hold well-formed SVG, and list the episodes newest first."""
import os
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from conftest import run, NOW

PAGES = ["index.html", "indicateurs.html", "extremes.html", "correlations.html"]
VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "area", "base", "col", "source", "track", "embed"}
SVG_EMPTY_OK = {"line", "rect", "circle", "polyline", "polygon", "path"}


class Page(HTMLParser):
    """Checks tag balance, collects resource loads, SVG fragments and event start times."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.loads, self.starts, self.svg_count = [], [], [], [], 0
        self.lang = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "svg":
            self.svg_count += 1
        for key in ("src", "href", "data", "poster"):
            value = attrs.get(key) or ""
            if key != "href" or value.startswith(("http:", "https:", "//")):
                if value:
                    self.loads.append((tag, key, value))
        if tag in ("script", "link", "iframe", "img", "object"):
            self.loads.append((tag, "", ""))
        if tag == "article" and "data-start" in attrs:
            self.starts.append((attrs.get("id", ""), attrs["data-start"]))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag == "svg":
            self.svg_count += 1

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()


@pytest.fixture(scope="module")
def reports(lake):
    if run("report", "--help").returncode != 0:
        pytest.skip("goodair report is not registered in this build")
    done = run("report", "--lake", str(lake), "--now", NOW)
    assert done.returncode == 0, done.stderr
    folder = os.path.join(str(lake), "gold", "reports")
    pages = {}
    for name in PAGES:
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            pages[name] = f.read()
    return pages


@pytest.mark.parametrize("name", PAGES)
def test_page_parses_balanced_and_self_contained(reports, name):
    page = Page()
    page.feed(reports[name])
    page.close()
    assert page.lang == "fr"
    assert page.errors == []
    assert page.stack == []
    assert page.loads == [], page.loads


@pytest.mark.parametrize("name", PAGES)
def test_svg_is_well_formed_xml(reports, name):
    html = reports[name]
    for chunk in html.split("<svg ")[1:]:
        svg = "<svg " + chunk[: chunk.index("</svg>") + len("</svg>")]
        root = ET.fromstring(svg)
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert root.find("{http://www.w3.org/2000/svg}title") is not None


def test_episodes_newest_first(reports):
    page = Page()
    page.feed(reports["extremes.html"])
    for prefix in ("dep-", "canicule-", "anomalie-"):
        starts = [start for anchor, start in page.starts if anchor.startswith(prefix)]
        assert starts == sorted(starts, reverse=True), prefix


def test_same_bytes_twice(lake, reports):
    done = run("report", "--lake", str(lake), "--now", NOW)
    assert done.returncode == 0
    for name in PAGES:
        with open(os.path.join(str(lake), "gold", "reports", name), encoding="utf-8") as f:
            assert f.read() == reports[name], name


def test_bad_options_are_usage_errors(lake, reports):
    assert run("report", "--lake", str(lake), "--from", "2026-02-30").returncode == 2
    assert run("report", "--lake", str(lake), "--city", "atlantis").returncode == 2
