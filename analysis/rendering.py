"""Render an executed notebook as one offline HTML page with a table of contents."""

from __future__ import annotations

from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"


def render_html(executed: Path) -> str:
    """Return the executed notebook as one offline HTML file, code cells and prompts hidden.

    Images are embedded; the template loads no script, style or font from the network.
    """
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", template_file="offline.html.j2",
                            extra_template_paths=[str(TEMPLATES)], exclude_input=True,
                            exclude_input_prompt=True, exclude_output_prompt=True)
    body, _resources = exporter.from_notebook_node(nbformat.read(executed, as_version=4))
    return add_table_of_contents(body)


def add_table_of_contents(page: str) -> str:
    """Return ``page`` with a linked list of its h2 and h3 headings after its first h1."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, features="html.parser")
    title = soup.find("h1")
    headings = [heading for heading in soup.find_all(["h2", "h3"]) if heading.get("id")]
    if title is None or not headings:
        return page
    nav = soup.new_tag("nav", attrs={"class": "toc", "aria-label": "Contents"})
    top = soup.new_tag("ol")
    nav.append(top)
    current = top
    for heading in headings:
        item = soup.new_tag("li")
        link = soup.new_tag("a", href=f"#{heading['id']}")
        link.string = heading.get_text().rstrip("¶").strip()
        item.append(link)
        if heading.name == "h2":
            top.append(item)
            current = soup.new_tag("ol")
            item.append(current)
        else:
            current.append(item)
    for empty in nav.find_all("ol"):
        if not empty.find("li"):
            empty.decompose()
    title.insert_after(nav)
    return str(soup)
