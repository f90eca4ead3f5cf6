"""JSON-LD: Page → one schema.org `@graph` (plain dicts; serialised by the template).

The graph holds the WebPage (or MedicalWebPage), the Article/BlogPosting, the
FAQPage (exactly the visible questions and answer texts), the BreadcrumbList
and the publishing Organization, linked by `@id`.
"""

from __future__ import annotations

from typing import Any

from pipeline.config import Site
from pipeline.derive import Page

JsonObj = dict[str, Any]


def build_graph(page: Page, site: Site) -> JsonObj:
    """The page's complete JSON-LD document."""
    article = page.article
    org_id = site.url_for("/") + "#organization"
    page_id = page.url + "#webpage"
    nodes: list[JsonObj] = [
        _webpage(page, page_id),
        _article(page, site, org_id, page_id),
    ]
    if page.faq:
        nodes.append(
            {
                "@type": "FAQPage",
                "@id": page.url + "#faq",
                "isPartOf": {"@id": page_id},
                "mainEntity": [
                    {
                        "@type": "Question",
                        "name": item.question,
                        "acceptedAnswer": {"@type": "Answer", "text": item.answer_text},
                    }
                    for item in page.faq
                ],
            }
        )
    nodes.append(_breadcrumbs(page))
    nodes.append(_organization(site, org_id))
    if article.schema_type == "MedicalWebPage":
        nodes[0]["@type"] = "MedicalWebPage"
    return {"@context": "https://schema.org", "@graph": nodes}


def _webpage(page: Page, page_id: str) -> JsonObj:
    node: JsonObj = {
        "@type": "WebPage",
        "@id": page_id,
        "url": page.url,
        "name": page.seo_title,  # the page's name: what its <title> says
        "description": page.description,
        "inLanguage": page.lang,
        "breadcrumb": {"@id": page.url + "#breadcrumb"},
    }
    if page.image_url:
        node["primaryImageOfPage"] = {"@type": "ImageObject", "url": page.image_url}
    return node


def _article(page: Page, site: Site, org_id: str, page_id: str) -> JsonObj:
    article = page.article
    kind = "BlogPosting" if article.schema_type == "BlogPosting" else "Article"
    node: JsonObj = {
        "@type": kind,
        "@id": page.url + "#article",
        "mainEntityOfPage": {"@id": page_id},
        # The article's own visible title (the H1), not `seo_title`: Google's
        # Article documentation describes `headline` as the title of the
        # article, and structured data must describe the visible content.
        "headline": article.title,
        "description": page.description,
        "inLanguage": page.lang,
        "wordCount": page.word_count,
        "publisher": {"@id": org_id},
    }
    if article.author:
        author: JsonObj = {"@type": article.author.type, "name": article.author.name}
        if article.author.url:
            author["url"] = site.url_for(article.author.url)
        node["author"] = author
    else:
        node["author"] = {"@id": org_id}
    if page.date_published:
        node["datePublished"] = page.date_published.isoformat()
    if page.date_modified:
        node["dateModified"] = page.date_modified.isoformat()
    if article.image and page.image_url:
        image: JsonObj = {"@type": "ImageObject", "url": page.image_url}
        if article.image.width and article.image.height:
            image |= {"width": article.image.width, "height": article.image.height}
        node["image"] = image
    if article.keyphrase:
        node["keywords"] = article.keyphrase
    return node


def _breadcrumbs(page: Page) -> JsonObj:
    items: list[JsonObj] = []
    for position, crumb in enumerate(page.breadcrumbs, start=1):
        item: JsonObj = {"@type": "ListItem", "position": position, "name": crumb.name}
        item["item"] = crumb.url or page.url
        items.append(item)
    return {
        "@type": "BreadcrumbList",
        "@id": page.url + "#breadcrumb",
        "itemListElement": items,
    }


def _organization(site: Site, org_id: str) -> JsonObj:
    node: JsonObj = {
        "@type": "Organization",
        "@id": org_id,
        "name": site.publisher_name,
        "url": site.url_for("/"),
    }
    if site.logo:
        node["logo"] = {"@type": "ImageObject", "url": site.url_for(site.logo)}
    return node
