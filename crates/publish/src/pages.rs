//! Static HTML for every route and post: the same shell and content the app
//! shows, readable without JavaScript, with the head tags link previews need.

use crate::Publication;
use content::blog::BlogQuery;
use content::date::PartialDate;
use content::html::{blocks_to_html, escape};
use content::members::{list_and, Member, MemberQuery, Nation, OrgType};
use content::post::{post_path, Page, Post, PostMeta};
use content::site::{SiteConfig, NAV};
use content::text::wrap_points;
use content::timeline::{Status, Timeline, TimelineQuery};

/// One page the build writes: where it lives, what its head says, and its main content.
pub struct StaticPage {
    /// The route, such as `/blog/first-anniversary`.
    pub path: String,
    /// The page's own title (the site name is added).
    pub title: String,
    /// The meta description.
    pub description: String,
    /// A post's date and image, for article previews.
    pub article: Option<(PartialDate, Option<content::post::PostImage>)>,
    /// The HTML inside `<main>`.
    pub main: String,
    /// The content files the app will fetch for this route, preloaded beside the wasm.
    pub preloads: Vec<String>,
    /// The URL parameters that filter this page's list. The static list is unfiltered,
    /// so a link that sets one hides it until the app has filtered it.
    pub filters: &'static [&'static str],
}

fn time(date: &PartialDate) -> String {
    format!("<time datetime=\"{}\">{}</time>", date.iso(), date.long())
}

fn category_name<'a>(site: &'a SiteConfig, slug: &'a str) -> &'a str {
    site.category(slug).map(|c| c.name.as_str()).unwrap_or(slug)
}

fn post_card(site: &SiteConfig, post: &PostMeta, level: u8) -> String {
    format!(
        "<article class=\"post-card\"><h{level}><a href=\"{}\">{}</a></h{level}><p class=\"post-meta\">{} · <a href=\"/blog?category={}\">{}</a> · {} min read</p><p>{}</p></article>",
        post_path(&post.slug),
        escape(&post.title),
        time(&post.date),
        escape(&post.category),
        escape(category_name(site, &post.category)),
        post.reading_minutes,
        escape(&post.summary)
    )
}

fn heading(title: &str) -> String {
    let pieces: Vec<String> = wrap_points(title).into_iter().map(escape).collect();
    format!("<h1 tabindex=\"-1\">{}</h1>", pieces.join("<wbr>"))
}

fn home(p: &Publication) -> String {
    let site = &p.site;
    let query = MemberQuery::default();
    let conveners: Vec<&str> = p
        .members
        .conveners(&query)
        .map(|m| m.name.as_str())
        .collect();
    let figures = {
        let mut out = String::from("<dl class=\"figures\">");
        if let Some(m) = p.timeline.latest_membership() {
            out.push_str(&format!(
                "<div><dt>Member organisations</dt><dd><span class=\"figure\">{}</span><span class=\"small\">{} as of {}</span></dd></div>",
                m.short(),
                m.figure(),
                time(&m.date)
            ));
        }
        if let Some(d) = p.timeline.milestones.iter().find_map(|m| m.date) {
            out.push_str(&format!(
                "<div><dt>Launched</dt><dd><span class=\"figure\">{}</span></dd></div>",
                time(&d)
            ));
        }
        out.push_str("</dl>");
        out
    };
    let posts: String = p
        .posts
        .iter()
        .take(3)
        .map(|post| post_card(site, &post.meta, 3))
        .collect();
    let row = |m: &content::timeline::Milestone| {
        format!(
            "<li><p class=\"milestone-meta\">{} · {}</p><p><a href=\"/timeline#{}\">{}</a></p></li>",
            when(m),
            status(m.status),
            m.id,
            escape(&m.title)
        )
    };
    let achieved: String = p.timeline.latest_achieved(3).into_iter().map(row).collect();
    let next = p
        .timeline
        .next_planned()
        .map(|m| format!("<h3>Next</h3><ul class=\"progress-list\">{}</ul>", row(m)))
        .unwrap_or_default();
    format!(
        "<div class=\"wrap page home\"><section class=\"hero\">{}<p class=\"ask\">{}</p><p>{}</p><p class=\"conveners\">Convened by {}.</p>{figures}<p><a href=\"/join\" class=\"button button-link\">Join the coalition</a></p></section>\
<section class=\"home-posts\" aria-labelledby=\"latest-posts\"><h2 id=\"latest-posts\">Latest news</h2>{posts}<p><a href=\"/blog\">All news and updates</a></p></section>\
<section class=\"home-progress\" aria-labelledby=\"progress-heading\"><h2 id=\"progress-heading\">Progress so far</h2><h3>Achieved</h3><ul class=\"progress-list\">{achieved}</ul>{next}<p><a href=\"/timeline\">See the full timeline</a></p></section></div>",
        heading(&site.name),
        escape(&site.home.ask),
        escape(&site.home.intro),
        escape(&list_and(&conveners)),
    )
}

fn blog(p: &Publication) -> String {
    let site = &p.site;
    let categories: String = std::iter::once(("All posts".to_string(), "/blog".to_string(), true))
        .chain(
            site.categories
                .iter()
                .map(|c| (c.name.clone(), format!("/blog?category={}", c.slug), false)),
        )
        .map(|(name, href, current)| {
            format!(
                "<li><a href=\"{}\"{}>{}</a></li>",
                escape(&href),
                if current {
                    " aria-current=\"true\""
                } else {
                    ""
                },
                escape(&name)
            )
        })
        .collect();
    let posts: String = p
        .posts
        .iter()
        .map(|post| format!("<li>{}</li>", post_card(site, &post.meta, 2)))
        .collect();
    let n = p.posts.len();
    format!(
        "<div class=\"wrap page\">{}<form data-query-view action=\"/blog\" method=\"get\" class=\"search-form\" role=\"search\"><label for=\"blog-search\">Search posts</label><div class=\"search-row\"><input id=\"blog-search\" type=\"search\" name=\"q\"><button type=\"submit\" class=\"button\">Search</button></div></form>\
<nav data-query-view class=\"filters\" aria-label=\"Categories\"><ul>{categories}</ul></nav><div data-query-view class=\"results-summary\" role=\"status\"><p>{n} {}</p></div><ol data-query-view class=\"post-list\">{posts}</ol>\
<p><a href=\"/feed.xml\" rel=\"external\">Follow the blog with a feed reader</a> (Atom), or as <a href=\"/feed.json\" rel=\"external\">JSON Feed</a>.</p></div>",
        heading("Blog"),
        if n == 1 { "post" } else { "posts" }
    )
}

fn post(p: &Publication, post: &Post) -> String {
    let meta = &post.meta;
    let updated = meta
        .updated
        .map(|u| format!(" (updated {})", time(&u)))
        .unwrap_or_default();
    let image = meta
        .image
        .as_ref()
        .map(|i| {
            format!(
                "<img class=\"lead-image\" src=\"{}\" alt=\"{}\">",
                escape(&i.src),
                escape(&i.alt)
            )
        })
        .unwrap_or_default();
    let tags = if meta.tags.is_empty() {
        String::new()
    } else {
        format!(
            "<h2 class=\"small-heading\">Tags</h2><ul class=\"tags\">{}</ul>",
            meta.tags
                .iter()
                .map(|t| format!("<li>{}</li>", escape(t)))
                .collect::<String>()
        )
    };
    let share: String = content::post::share_links(&p.site.base_url, &meta.slug, &meta.title)
        .into_iter()
        .map(|(name, href)| {
            format!(
                "<li><a href=\"{}\" rel=\"noopener noreferrer\">{name}</a></li>",
                escape(&href)
            )
        })
        .collect();
    let in_short = meta
        .in_short
        .as_ref()
        .map(|t| format!("<aside class=\"in-short\" aria-labelledby=\"in-short-heading\"><h2 id=\"in-short-heading\">In short</h2><p>{}</p></aside>", escape(t)))
        .unwrap_or_default();
    let bsl = meta
        .bsl_video
        .as_ref()
        .map(|u| format!("<p class=\"bsl\"><a href=\"{}\" rel=\"noopener noreferrer\">Watch this post in British Sign Language (BSL)</a></p>", escape(u)))
        .unwrap_or_default();
    format!(
        "<div class=\"wrap page\"><p class=\"back-link\"><a href=\"/blog\">Back to blog</a></p><article class=\"post\"><header class=\"post-header\">{}<p class=\"post-meta\">{}{updated} · Posted in <a href=\"/blog?category={}\">{}</a> · {} · {} min read</p>{image}</header>{in_short}{bsl}\
<div class=\"prose\">{}</div><footer class=\"post-footer\">{tags}<h2 class=\"small-heading\">Share this post</h2><ul class=\"share\">{share}</ul></footer></article></div>",
        heading(&meta.title),
        time(&meta.date),
        escape(&meta.category),
        escape(category_name(&p.site, &meta.category)),
        escape(&meta.author),
        meta.reading_minutes,
        blocks_to_html(&post.body, None),
    )
}

fn when(m: &content::timeline::Milestone) -> String {
    match m.date {
        Some(d) => format!(
            "<time datetime=\"{}\">{}</time>",
            d.iso(),
            escape(&m.when())
        ),
        None => format!("<span>{}</span>", escape(&m.when())),
    }
}

/// A status in words and a shape; the static page has no "today", so no "Overdue".
fn status(s: Status) -> String {
    format!(
        "<span class=\"status status-{}\"><span class=\"status-shape\" aria-hidden=\"true\">{}</span> {}</span>",
        s.key(),
        s.shape(),
        s.label()
    )
}

fn timeline(t: &Timeline) -> String {
    let filters = |label: &str, items: Vec<(String, String)>| {
        format!(
            "<nav data-query-view class=\"filters\" aria-label=\"{label}\"><ul>{}</ul></nav>",
            items
                .into_iter()
                .enumerate()
                .map(|(i, (name, href))| format!(
                    "<li><a href=\"{}\"{}>{}</a></li>",
                    escape(&href),
                    if i == 0 { " aria-current=\"true\"" } else { "" },
                    escape(&name)
                ))
                .collect::<String>()
        )
    };
    let kinds = std::iter::once(("All kinds".to_string(), "/timeline".to_string()))
        .chain(
            t.kinds
                .iter()
                .map(|k| (k.name.clone(), format!("/timeline?kind={}", k.slug))),
        )
        .collect();
    let statuses = std::iter::once(("All statuses".to_string(), "/timeline".to_string()))
        .chain(Status::ALL.iter().map(|s| {
            (
                s.label().to_string(),
                format!("/timeline?status={}", s.key()),
            )
        }))
        .collect();
    let groups: String = t
        .groups(&TimelineQuery::default())
        .into_iter()
        .map(|g| {
            let items: String = g
                .milestones
                .iter()
                .map(|m| {
                    let link = m
                        .post
                        .as_ref()
                        .map(|slug| {
                            format!(
                                "<p class=\"milestone-links\"><a href=\"{}\">Read more<span class=\"visually-hidden\">: {}</span></a></p>",
                                post_path(slug),
                                escape(&m.title)
                            )
                        })
                        .unwrap_or_default();
                    format!(
                        "<li id=\"{}\" tabindex=\"-1\" class=\"milestone status-{}\"><h3>{}</h3><p class=\"milestone-meta\">{} · {} · {}</p>{}{link}</li>",
                        m.id,
                        m.status.key(),
                        escape(&m.title),
                        when(m),
                        escape(t.kind_name(&m.kind)),
                        status(m.status),
                        blocks_to_html(&m.description, None)
                    )
                })
                .collect();
            format!("<li class=\"year\"><h2>{}</h2><ol class=\"milestones\">{items}</ol></li>", escape(&g.heading))
        })
        .collect();
    let rows: String = t
        .membership
        .iter()
        .map(|p| format!("<tr><td>{}</td><td>{}</td></tr>", time(&p.date), p.figure()))
        .collect();
    format!(
        "<div class=\"wrap page\">{}<p class=\"lead\">What the coalition has achieved since it launched, and what is still to come.</p>{}{}<ol data-query-view class=\"timeline\">{groups}</ol>\
<section aria-labelledby=\"membership-heading\"><h2 id=\"membership-heading\">Membership over time</h2><table class=\"data-table\"><caption>Membership figures</caption><thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Organisations</th></tr></thead><tbody>{rows}</tbody></table></section></div>",
        heading("Timeline"),
        filters("Filter by kind", kinds),
        filters("Filter by status", statuses),
    )
}

fn member_card(m: &Member) -> String {
    let nations = m.works().map(|w| format!(" · {w}")).unwrap_or_default();
    let joined = m
        .joined
        .map(|d| format!(" · Joined {}", time(&d)))
        .unwrap_or_default();
    let sample = if m.sample {
        "<span class=\"sample-badge\">Sample entry</span>"
    } else {
        ""
    };
    let website = m
        .website
        .as_ref()
        .map(|w| {
            format!(
                "<p><a href=\"{}\" rel=\"noopener noreferrer external\">Website<span class=\"visually-hidden\"> of {}</span></a></p>",
                escape(w),
                escape(&m.name)
            )
        })
        .unwrap_or_default();
    format!(
        "<li class=\"member\"><p class=\"member-name\">{}{sample}</p><p class=\"member-meta\">{}{nations}{joined}</p>{website}</li>",
        escape(&m.name),
        m.org_type.label()
    )
}

fn members(p: &Publication) -> String {
    let q = MemberQuery::default();
    let conveners: String = p.members.conveners(&q).map(member_card).collect();
    let letters: String = p
        .members
        .by_letter(&q)
        .into_iter()
        .map(|(letter, list)| {
            format!(
                "<h3 class=\"letter\">{letter}</h3><ul class=\"member-list\">{}</ul>",
                list.into_iter().map(member_card).collect::<String>()
            )
        })
        .collect();
    let headline = p
        .timeline
        .latest_membership()
        .map(|m| format!(" The coalition has {} member organisations (as of {}); not every member chooses to be listed.", m.figure(), time(&m.date)))
        .unwrap_or_default();
    let notice = if p.members.has_samples() {
        "<div class=\"notice\" role=\"note\"><p><strong>Sample entries: </strong>entries marked “Sample entry” are made-up examples to show how the directory works. They are not real members.</p></div>"
    } else {
        ""
    };
    let options = |items: Vec<(&str, &str)>| -> String {
        items
            .into_iter()
            .map(|(k, l)| format!("<option value=\"{k}\">{l}</option>"))
            .collect()
    };
    let n = p.members.members.len();
    format!(
        "<div class=\"wrap page\">{}<p class=\"lead\"><strong>{n} {} listed.</strong>{headline}</p>{notice}\
<form data-query-view action=\"/members\" method=\"get\" class=\"member-filters\" role=\"search\"><div class=\"field\"><label for=\"member-q\">Search by name</label><input id=\"member-q\" type=\"search\" name=\"q\"></div>\
<div class=\"field\"><label for=\"member-type\">Type of organisation</label><select id=\"member-type\" name=\"type\"><option value=\"\">Any type</option>{}</select></div>\
<div class=\"field\"><label for=\"member-nation\">Works in</label><select id=\"member-nation\" name=\"nation\"><option value=\"\">Anywhere</option>{}</select></div><button type=\"submit\" class=\"button\">Show organisations</button></form>\
<p class=\"results-summary\" role=\"status\"></p><section data-query-view aria-labelledby=\"conveners-heading\"><h2 id=\"conveners-heading\">Convened by</h2><ul class=\"member-list conveners\">{conveners}</ul></section>\
<section data-query-view aria-labelledby=\"a-to-z-heading\"><h2 id=\"a-to-z-heading\">Members A to Z</h2>{letters}</section>\
<p class=\"join-invite\">Is your organisation missing? <a href=\"/join\">Join the coalition</a>, or ask to be listed if you are already a member.</p></div>",
        heading("Members"),
        if n == 1 { "organisation" } else { "organisations" },
        options(OrgType::ALL.iter().map(|t| (t.key(), t.label())).collect()),
        options(Nation::ALL.iter().map(|n| (n.key(), n.label())).collect()),
    )
}

fn join(site: &SiteConfig) -> String {
    format!(
        "<div class=\"wrap page\">{}<p class=\"lead\">Organisations that share our aims can join the coalition. It takes about five minutes.</p>\
<p>The join form needs JavaScript. Without it, you can ask to join by email: write to <a href=\"mailto:{email}\">{email}</a> with your organisation's name and type, where it works, and who we should contact.</p></div>",
        heading("Join the coalition"),
        email = escape(&site.contact_email)
    )
}

fn standalone(page: &Page) -> String {
    let updated = page
        .updated
        .map(|d| format!("<p class=\"post-meta\">Last updated {}</p>", time(&d)))
        .unwrap_or_default();
    format!(
        "<div class=\"wrap page\">{}{updated}<div class=\"prose\">{}</div></div>",
        heading(&page.title),
        blocks_to_html(&page.body, None)
    )
}

/// The page served for any address the site does not have.
pub fn not_found() -> StaticPage {
    StaticPage {
        path: "/404".into(),
        title: "Page not found".into(),
        description: String::new(),
        article: None,
        preloads: vec!["/content/site.json".into()],
        filters: &[],
        main: format!(
            "<div class=\"wrap page\">{}<p>There is no page at this address. If you typed it, check it is spelled correctly.</p><p><a href=\"/\">Go to the home page</a></p></div>",
            heading("Page not found")
        ),
    }
}

/// Every route and post the build writes a page for.
pub fn all(p: &Publication) -> Vec<StaticPage> {
    let site = &p.site;
    // Each route names the content files its page preloads and the parameters that filter it.
    let page = |path: &str,
                title: &str,
                description: &str,
                main: String,
                needs: &[&str],
                filters: &'static [&'static str]| StaticPage {
        path: path.into(),
        title: title.into(),
        description: description.into(),
        article: None,
        main,
        preloads: std::iter::once("site.json")
            .chain(needs.iter().copied())
            .map(|file| format!("/content/{file}"))
            .collect(),
        filters,
    };
    let mut pages = vec![
        page(
            "/",
            "",
            &site.description,
            home(p),
            &["posts/index.json", "timeline.json", "members.json"],
            &[],
        ),
        page(
            "/blog",
            "Blog",
            "News and updates from the #SENDInTheSpecialists coalition.",
            blog(p),
            &["posts/index.json"],
            BlogQuery::KEYS,
        ),
        page(
            "/timeline",
            "Timeline",
            "What the coalition has achieved since it launched, and what is still to come.",
            timeline(&p.timeline),
            &["timeline.json"],
            TimelineQuery::KEYS,
        ),
        page(
            "/members",
            "Members",
            "The organisations that make up the coalition.",
            members(p),
            &["members.json", "timeline.json"],
            MemberQuery::KEYS,
        ),
        page(
            "/join",
            "Join the coalition",
            "How an organisation can join the #SENDInTheSpecialists coalition.",
            join(site),
            &[],
            &[],
        ),
    ];
    for standalone_page in &p.pages {
        pages.push(page(
            &format!("/{}", standalone_page.slug),
            &standalone_page.title,
            &standalone_page.summary,
            standalone(standalone_page),
            &[&format!("pages/{}.json", standalone_page.slug)],
            &[],
        ));
    }
    for post_item in &p.posts {
        pages.push(StaticPage {
            path: post_path(&post_item.meta.slug),
            title: post_item.meta.title.clone(),
            description: post_item.meta.summary.clone(),
            article: Some((post_item.meta.date, post_item.meta.image.clone())),
            main: post(p, post_item),
            preloads: vec![
                "/content/site.json".into(),
                format!("/content/posts/{}.json", post_item.meta.slug),
                "/content/posts/index.json".into(),
            ],
            filters: &[],
        });
    }
    pages
}

fn shell(site: &SiteConfig, current: &str, main: &str) -> String {
    let nav: String = NAV
        .iter()
        .map(|(href, label)| {
            let is_current = if *href == "/" {
                current == "/"
            } else {
                current == *href || current.starts_with(&format!("{href}/"))
            };
            format!(
                "<li><a href=\"{href}\"{}>{label}</a></li>",
                if is_current {
                    " aria-current=\"page\""
                } else {
                    ""
                }
            )
        })
        .collect();
    format!(
        "<a class=\"skip-link\" href=\"#main\">Skip to main content</a><header class=\"site-header\"><div class=\"wrap header-inner\"><div class=\"brand\"><a href=\"/\" class=\"brand-name\">{}</a><p class=\"tagline\">{}</p></div><nav aria-label=\"Main\"><ul class=\"nav-list\">{nav}</ul></nav><details class=\"prefs\"><summary>Reading preferences</summary><div class=\"prefs-panel\"><p>Reading preferences need JavaScript. Your browser's own text size, zoom and colour settings still work.</p></div></details></div></header>\
<main id=\"main\" tabindex=\"-1\">{main}</main><footer class=\"site-footer\"><div class=\"wrap\"><p>Contact the coalition: <a href=\"mailto:{email}\">{email}</a></p><p class=\"small\">{}</p><ul class=\"footer-links\"><li><a href=\"/privacy\">Privacy notice</a></li><li><a href=\"/accessibility\">Accessibility statement</a></li></ul></div></footer>",
        escape(&site.name),
        escape(&site.tagline),
        escape(&site.description),
        email = escape(&site.contact_email),
    )
}

fn head_tags(site: &SiteConfig, page: &StaticPage) -> String {
    let base = site.base_url.trim_end_matches('/');
    let url = format!("{base}{}", if page.path == "/" { "/" } else { &page.path });
    let title = escape(&site.page_title(&page.title));
    let description = escape(&page.description);
    let mut tags = vec![
        format!("<link rel=\"canonical\" href=\"{}\">", escape(&url)),
        format!("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{} blog (Atom)\" href=\"{base}/feed.xml\">", escape(&site.name)),
        format!("<link rel=\"alternate\" type=\"application/feed+json\" title=\"{} blog (JSON Feed)\" href=\"{base}/feed.json\">", escape(&site.name)),
        format!("<meta property=\"og:site_name\" content=\"{}\">", escape(&site.name)),
        format!("<meta property=\"og:title\" content=\"{}\">", escape(if page.title.is_empty() { &site.name } else { &page.title })),
        format!("<meta property=\"og:description\" content=\"{description}\">"),
        format!("<meta property=\"og:url\" content=\"{}\">", escape(&url)),
        "<meta property=\"og:locale\" content=\"en_GB\">".to_string(),
        format!("<meta property=\"og:type\" content=\"{}\">", if page.article.is_some() { "article" } else { "website" }),
        format!("<meta name=\"twitter:title\" content=\"{title}\">"),
        format!("<meta name=\"twitter:description\" content=\"{description}\">"),
    ];
    let mut card = "summary";
    if let Some((date, image)) = &page.article {
        tags.push(format!(
            "<meta property=\"article:published_time\" content=\"{}T00:00:00Z\">",
            date.iso()
        ));
        if let Some(image) = image {
            let src = if image.src.starts_with('/') {
                format!("{base}{}", image.src)
            } else {
                image.src.clone()
            };
            tags.push(format!(
                "<meta property=\"og:image\" content=\"{}\">",
                escape(&src)
            ));
            tags.push(format!(
                "<meta property=\"og:image:alt\" content=\"{}\">",
                escape(&image.alt)
            ));
            tags.push(format!(
                "<meta name=\"twitter:image\" content=\"{}\">",
                escape(&src)
            ));
            tags.push(format!(
                "<meta name=\"twitter:image:alt\" content=\"{}\">",
                escape(&image.alt)
            ));
            card = "summary_large_image";
        }
    }
    tags.push(format!("<meta name=\"twitter:card\" content=\"{card}\">"));
    if !page.filters.is_empty() {
        // Read by prefs.js before the first paint: see `StaticPage::filters`.
        tags.push(format!(
            "<meta name=\"page-filters\" content=\"{}\">",
            page.filters.join(" ")
        ));
    }
    for file in &page.preloads {
        tags.push(format!(
            "<link rel=\"preload\" href=\"{file}\" as=\"fetch\" crossorigin=\"anonymous\">"
        ));
    }
    format!(
        "<title>{title}</title><meta name=\"description\" content=\"{description}\">{}",
        tags.join("")
    )
}

/// Fills the built `index.html` with one page's head tags and static content.
pub fn render(template: &str, site: &SiteConfig, page: &StaticPage) -> Result<String, String> {
    let head_start = template
        .find("<title>")
        .ok_or("index.html has no <title>")?;
    let head_end = template[head_start..]
        .find("<meta name=\"color-scheme\"")
        .map(|i| head_start + i)
        .ok_or("index.html has no color-scheme meta after the title")?;
    let app = "<div id=\"app\"></div>";
    if !template.contains(app) {
        return Err("index.html has no empty <div id=\"app\"></div>".into());
    }
    let mut html = String::with_capacity(template.len() + page.main.len() + 4096);
    html.push_str(&template[..head_start]);
    html.push_str(&head_tags(site, page));
    html.push('\n');
    html.push_str(&template[head_end..]);
    Ok(html.replacen(
        app,
        &format!(
            "<div id=\"app\">{}</div>",
            shell(site, &page.path, &page.main)
        ),
        1,
    ))
}
