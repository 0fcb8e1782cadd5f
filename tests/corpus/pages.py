"""Small saved news pages written for the tests, one way of carrying metadata each."""

from __future__ import annotations

import json

BODY = ("<p>The United States and Mexico agreed on Tuesday to step up enforcement at the "
        "southern border, officials from both countries said after a day of talks in the "
        "Mexican capital.</p>"
        "<p>Mexico will deploy more National Guard troops to its southern states, the "
        "foreign minister said, while Washington promised 4 billion dollars in development "
        "aid for Central America over four years.</p>"
        "<p>Border agents reported about 10,000 crossings a day in the last week of the "
        "month, according to the Department of Homeland Security.</p>")


def page(head: str = "", *, lang: str = "en", body: str = BODY, title: str = "Border talks"
         ) -> str:
    """Return a whole HTML page with ``head`` markup and an article ``body``."""
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{title}</title>{head}</head><body>"
            f"<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1>{body}</article>"
            f"<footer>Copyright 2024. All rights reserved.</footer></body></html>")


OPEN_GRAPH = page(
    '<meta property="og:site_name" content="The Daily Example">'
    '<meta property="og:title" content="US and Mexico agree to step up border enforcement">'
    '<meta property="og:url" content="https://www.dailyexample.com/world/border-talks">'
    '<meta property="article:published_time" content="2024-03-05T14:30:00Z">'
    '<meta property="article:author" content="Ana Ruiz">')

JSON_LD = page('<script type="application/ld+json">' + json.dumps({
    "@context": "https://schema.org", "@type": "NewsArticle",
    "headline": "Mexico to deploy more troops after border talks",
    "datePublished": "2024-03-06T09:00:00-06:00",
    "author": {"@type": "Person", "name": "Luis Ortega"},
    "publisher": {"@type": "Organization", "name": "Example Noticias"},
    "mainEntityOfPage": "https://noticias.example.mx/mundo/frontera"}) + "</script>")

META_TAGS = page(
    '<meta name="author" content="Jo Smith">'
    '<meta name="date" content="2024-03-07">'
    '<link rel="canonical" href="https://news.example.org/2024/03/07/border">',
    title="Border enforcement to rise, officials say")

NO_METADATA = ("<html><body><div>" + BODY + "</div></body></html>")

RUSSIAN = page(body=(
    "<p>Соединённые Штаты и Мексика во вторник договорились усилить контроль на южной "
    "границе, заявили официальные лица обеих стран после переговоров в столице Мексики.</p>"
    "<p>Мексика направит дополнительные подразделения Национальной гвардии в южные штаты, "
    "сообщил министр иностранных дел, а Вашингтон пообещал помощь Центральной Америке.</p>"),
    lang="en", title="Переговоры о границе")
