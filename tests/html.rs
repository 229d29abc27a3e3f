//! The HTML back end on a small fixture project.

use kyr::build::BuildOptions;

use crate::util::{Fixture, main_of};

#[test]
fn every_document_and_locale_is_built_with_an_index() {
    let fx = Fixture::new("build/basic");
    let (report, diags) = fx.build(&BuildOptions::default());
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    for tag in ["en", "fr", "ar", "ff", "ff-Adlm"] {
        assert!(fx.out(&format!("{tag}/door.html")).is_file(), "{tag}");
    }
    let index = fx.page("index.html");
    assert!(index.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(
        index.contains("<section lang=\"ar\" dir=\"rtl\">\n<h2>العربية</h2>"),
        "{index}"
    );
    assert!(index.contains("<h2>𞤆𞤵𞤤𞤢𞤪</h2>"));
    assert!(
        index.contains("<a href=\"fr/door.html\">Si des agents viennent à votre porte</a>"),
        "{index}"
    ); // Each language's coverage and review state, in that language (or
    // the next of its chain).
    assert!(
        index.contains("<h2>English</h2>\n<p class=\"state\">\u{2068}100\u{2069} % translated</p>"),
        "{index}"
    );
    assert!(
        index.contains("<h2>Français</h2>\n<p class=\"state\">Traduit à \u{2068}"),
        "{index}"
    );
    // Pulaar's state comes from French, on a line that says so.
    let pulaar = &index[index.find("<h2>Pulaar</h2>").unwrap()..];
    let state = &pulaar[..pulaar.find("</p>").unwrap()];
    assert!(
        state.starts_with("<h2>Pulaar</h2>\n<p class=\"state\" lang=\"fr\" dir=\"ltr\">Traduit à "),
        "{state}"
    );
    assert!(
        state.contains(" % <span class=\"unreviewed\">Cette traduction"),
        "{state}"
    );
}

#[test]
fn right_to_left_locales_are_marked_on_the_page() {
    let fx = Fixture::new("build/basic");
    fx.build(&BuildOptions::default());
    assert!(
        fx.page("ar/door.html")
            .starts_with("<!doctype html>\n<html lang=\"ar\" dir=\"rtl\">")
    );
    assert!(
        fx.page("ff-Adlm/door.html")
            .contains("<html lang=\"ff-Adlm\" dir=\"rtl\">")
    );
    assert!(
        fx.page("ff/door.html")
            .contains("<html lang=\"ff\" dir=\"ltr\">")
    );
}

#[test]
fn variables_are_isolated_and_linked() {
    let fx = Fixture::new("build/basic");
    fx.build(&BuildOptions::default());
    let ar = fx.page("ar/door.html");
    assert!(
        main_of(&ar).contains("اتصل بالرقم <a href=\"tel:+1 (555) 010-1234\"><bdi class=\"var-hotline\">+1 (555) 010-1234</bdi></a>."),
        "{ar}"
    );
    // Fluent's own isolation marks are replaced by <bdi>, never doubled.
    assert!(!ar.contains('\u{2068}'));
}

#[test]
fn pages_are_self_contained_and_small() {
    let fx = Fixture::new("build/basic");
    fx.build(&BuildOptions::default());
    for rel in ["en/door.html", "ar/door.html", "index.html"] {
        let page = fx.page(rel);
        for banned in ["<script", "<link", "src=", "@import", "<iframe", "<img"] {
            assert!(!page.contains(banned), "{rel} holds {banned}");
        }
        // The only thing a page loads: its fonts, from the folder beside it.
        for url in page.split("url(").skip(1) {
            assert!(
                url.starts_with("\"fonts/")
                    && url
                        .split('"')
                        .nth(1)
                        .is_some_and(|u| u.ends_with(".woff2") && !u.contains("..")),
                "{rel} loads {}",
                &url[..url.len().min(60)]
            );
        }
        assert!(page.len() < 30 * 1024, "{rel}: {} bytes", page.len());
        assert!(page.contains("<meta name=\"viewport\""));
        assert!(page.contains("@media print"));
    }
}

#[test]
fn switcher_links_every_locale_and_marks_the_current_one() {
    let fx = Fixture::new("build/basic");
    fx.build(&BuildOptions::default());
    let fr = fx.page("fr/door.html");
    assert!(
        fr.contains(
            "<a href=\"../ar/door.html\" lang=\"ar\" dir=\"rtl\" hreflang=\"ar\">العربية</a>"
        ),
        "{fr}"
    );
    assert!(fr.contains("hreflang=\"fr\" aria-current=\"page\">Français</a>"));
    assert_eq!(fr.matches("hreflang=").count(), 5);
}

#[test]
fn footer_says_not_legal_advice_with_the_review_date_and_sources() {
    let fx = Fixture::new("build/basic");
    fx.build(&BuildOptions::default());
    let en = fx.page("en/door.html");
    assert!(en.contains("<strong>General information, not legal advice.</strong> Last reviewed: <bdi class=\"var-date\">2026-11-26</bdi>"), "{en}");
    assert!(
        en.contains("<a href=\"https://www.aclu.org/know-your-rights/immigrants-rights\">ACLU</a>")
    );
    let fr = fx.page("fr/door.html");
    assert!(fr.contains("Information générale, pas un conseil juridique."));
}

/// The element that starts with `start` in `html`, to its end tag.
fn element<'a>(html: &'a str, start: &str) -> &'a str {
    let at = html
        .find(start)
        .unwrap_or_else(|| panic!("no `{start}` in {html}"));
    let name: String = start[1..]
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    let end = html[at..].find(&format!("</{name}>")).unwrap() + name.len() + 3;
    &html[at..at + end]
}

#[test]
fn status_lines_print_lists_and_footers_carry_the_language_of_their_text() {
    let fx = Fixture::new("build/basic");
    // Arabic says it is unreviewed in Arabic, its share in English.
    fx.write(
        "locales/ar/kyr.ftl",
        "kyr-unreviewed = لم تتم مراجعة هذه الترجمة بعد.\n",
    );
    let (report, diags) = fx.build(&BuildOptions::default());
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    let index = fx.page("index.html");
    // ff-Adlm (right to left) shows French and Latin Pulaar through its
    // chain: its state is one French line, and its document's item runs
    // left to right in Pulaar.
    let adlam = element(&index, "<section lang=\"ff-Adlm\" dir=\"rtl\">");
    assert!(
        adlam.contains("<p class=\"state\" lang=\"fr\" dir=\"ltr\">Traduit à "),
        "{adlam}"
    );
    assert!(
        adlam
            .contains("<li lang=\"ff\" dir=\"ltr\"><a href=\"ff-Adlm/door.html\">Hakkeeji maa</a>"),
        "{adlam}"
    );
    assert!(!adlam.contains("class=\"fallback\""), "{adlam}");
    // Arabic's two sentences are in two languages: a line each.
    let arabic = element(&index, "<section lang=\"ar\" dir=\"rtl\">");
    assert!(
        arabic.contains(
            "<p class=\"state\" lang=\"en\" dir=\"ltr\">\u{2068}16.7\u{2069} % translated"
        ),
        "{arabic}"
    );
    assert!(
        arabic.contains(
            " translated</p>\n<p class=\"state\"><span class=\"unreviewed\">لم تتم مراجعة هذه الترجمة بعد.</span></p>"
        ),
        "{arabic}"
    );

    // The ff-Adlm page: the print list, its heading and the footer's
    // lines run in French's direction, file names isolated.
    let page = fx.page("ff-Adlm/door.html");
    let print = element(&page, "<section class=\"print\">");
    assert!(
        print.starts_with(
            "<section class=\"print\">\n<h2 lang=\"fr\" dir=\"ltr\">Imprimer</h2>\n<ul>\n\
             <li lang=\"fr\" dir=\"ltr\"><a href=\"door.pdf\" dir=\"ltr\">door.pdf</a> Fiche : imprimer à 100 %.</li>"
        ),
        "{print}"
    );
    let footer = element(&page, "<footer>");
    for line in [
        "<p class=\"help\" lang=\"fr\" dir=\"ltr\">Aide juridique gratuite : ",
        "<p class=\"legal\" lang=\"fr\" dir=\"ltr\"><strong>Information générale, pas un conseil juridique.</strong> Dernière vérification : ",
        "<h2 lang=\"fr\" dir=\"ltr\">Sources</h2>",
    ] {
        assert!(footer.contains(line), "{footer}");
    }
    // Arabic's own text keeps the page's direction: no attributes.
    let ar = fx.page("ar/door.html");
    assert!(
        ar.contains("<div class=\"notice\"><p>لم تتم مراجعة هذه الترجمة بعد.</p>"),
        "{ar}"
    );
    assert!(ar.contains(
        "<li lang=\"en\" dir=\"ltr\"><a href=\"door.pdf\" dir=\"ltr\">door.pdf</a> Handout"
    ));
}

#[test]
fn the_sources_list_is_in_the_language_the_skeletons_are_written_in() {
    let fx = Fixture::new("build/basic");
    fx.build(&BuildOptions::default());
    for tag in ["en", "ar", "ff-Adlm"] {
        let page = fx.page(&format!("{tag}/door.html"));
        assert!(
            page.contains("<ul class=\"sources\" lang=\"en\" dir=\"ltr\">"),
            "{tag}"
        );
    }
    // A project written in French: its sources are French, on every page.
    let fx = Fixture::new("build/basic");
    let toml = std::fs::read_to_string(fx.root().join("kyr.toml")).unwrap();
    fx.write("kyr.toml", &format!("reference = \"fr\"\n{toml}"));
    fx.append(
        "locales/fr/door.ftl",
        "door-call = Appelez { $organization } pour de l'aide.\n",
    );
    let (report, diags) = fx.build(&BuildOptions {
        formats: vec![kyr::build::Format::Html],
        ..BuildOptions::default()
    });
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    for tag in ["en", "fr", "ar", "ff-Adlm"] {
        let page = fx.page(&format!("{tag}/door.html"));
        assert!(
            page.contains("<ul class=\"sources\" lang=\"fr\" dir=\"ltr\">"),
            "{tag}: {page}"
        );
    }
}

#[test]
fn unreviewed_locales_say_so_and_reviewed_ones_do_not() {
    let fx = Fixture::new("build/basic");
    fx.build(&BuildOptions::default());
    assert!(fx.page("fr/door.html").contains(
        "<div class=\"notice\"><p>Cette traduction n&#39;a pas encore été vérifiée.</p>\n</div>"
    ));
    assert!(!fx.page("en/door.html").contains("class=\"notice\""));
}

#[test]
fn literal_skeleton_text_keeps_the_reference_language() {
    let fx = Fixture::new("build/basic");
    fx.build(&BuildOptions::default());
    let ar = fx.page("ar/door.html");
    assert!(
        main_of(&ar).contains(
            "<div lang=\"en\" dir=\"ltr\" class=\"fallback\" data-name=\"English\">\n<p>Officer: I do not consent to a search.</p>\n</div>"
        ),
        "{ar}"
    );
    let en = fx.page("en/door.html");
    assert!(main_of(&en).contains("\n<p>Officer: I do not consent to a search.</p>"));
}

#[test]
fn selected_locales_and_documents_only() {
    let fx = Fixture::new("build/basic");
    let options = BuildOptions {
        locales: vec!["ar".into()],
        ..BuildOptions::default()
    };
    fx.build(&options);
    assert!(fx.out("ar/door.html").is_file());
    assert!(!fx.out("fr/door.html").exists());
    let index = fx.page("index.html");
    assert!(index.contains("ar/door.html") && !index.contains("fr/door.html"));
}

#[test]
fn page_snapshot() {
    let fx = Fixture::new("build/basic");
    fx.build(&BuildOptions::default());
    insta::assert_snapshot!("ff_adlm_door_main", main_of(&fx.page("ff-Adlm/door.html")));
}

#[test]
fn pages_link_their_pdfs_with_how_to_print_them_in_the_reader_language() {
    let fx = Fixture::new("build/basic");
    let (report, diags) = fx.build(&BuildOptions::default());
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    let fr = fx.page("fr/door.html");
    assert!(
        fr.contains("<section class=\"print\">\n<h2>Imprimer</h2>\n<ul>\n<li><a href=\"door.pdf\" dir=\"ltr\">door.pdf</a> Fiche : imprimer à 100 %.</li>"),
        "{fr}"
    );
    assert!(fx.out("fr/door.pdf").is_file());
    // ff has no text of its own for it: French, through its chain, marked.
    let ff = fx.page("ff/door.html");
    assert!(
        ff.contains("<li lang=\"fr\" dir=\"ltr\"><a href=\"door.pdf\" dir=\"ltr\">door.pdf</a> Fiche : imprimer"),
        "{ff}"
    );
    // On paper the links do not show.
    assert!(
        fr.contains("@media print{\n@page{margin:15mm}\n.print,.listen,.listen-all{display:none}")
    );

    // A build of the pages alone links to no PDF.
    let fx = Fixture::new("build/basic");
    fx.build(&BuildOptions {
        formats: vec![kyr::build::Format::Html],
        ..BuildOptions::default()
    });
    assert!(!fx.page("fr/door.html").contains("class=\"print\""));
    // Building the PDFs too makes the unchanged pages again, with links.
    fx.build(&BuildOptions::default());
    assert!(fx.page("fr/door.html").contains("class=\"print\""));
}

/// The `href`s of a page's print links.
fn print_links(page: &str) -> Vec<String> {
    let Some(start) = page.find("<section class=\"print\">") else {
        return Vec::new();
    };
    let section = &page[start
        ..page[start..]
            .find("</section>")
            .map_or(page.len(), |e| start + e)];
    section
        .split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_print_link_resolves_beside_its_page() {
    let fx = Fixture::new("build/basic");
    fx.replace(
        "content/door.md",
        "last_reviewed",
        "layouts = [\"handout\", \"booklet\"]\nlast_reviewed",
    );
    let (report, diags) = fx.build(&BuildOptions::default());
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    for tag in ["en", "fr", "ar", "ff", "ff-Adlm"] {
        let links = print_links(&fx.page(&format!("{tag}/door.html")));
        assert_eq!(
            links,
            ["door.pdf", "door.booklet.pdf", "door.booklet-print.pdf"],
            "{tag}"
        );
        for link in links {
            assert!(fx.out(&format!("{tag}/{link}")).is_file(), "{tag}/{link}");
        }
    }
}

#[test]
fn the_index_links_each_documents_print_files_and_says_how_to_print_them() {
    let fx = Fixture::new("build/basic");
    fx.replace(
        "content/door.md",
        "last_reviewed",
        "layouts = [\"handout\", \"booklet\"]\nlast_reviewed",
    );
    let (report, diags) = fx.build(&BuildOptions::default());
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    let index = fx.page("index.html");
    for tag in ["en", "fr", "ar", "ff", "ff-Adlm"] {
        let links = format!(
            "<span class=\"print\"> <a href=\"{tag}/door.pdf\" dir=\"ltr\">door.pdf</a> <a href=\"{tag}/door.booklet.pdf\" dir=\"ltr\">door.booklet.pdf</a> <a href=\"{tag}/door.booklet-print.pdf\" dir=\"ltr\">door.booklet-print.pdf</a></span>"
        );
        assert!(index.contains(&links), "{tag}: {index}");
        for file in ["door.pdf", "door.booklet.pdf", "door.booklet-print.pdf"] {
            assert!(fx.out(&format!("{tag}/{file}")).is_file());
        }
    }
    // How to print each kind, once, in the reference language; hidden on
    // paper like the links.
    assert!(
        index.contains("<section class=\"print\">\n<h2>Print</h2>\n<ul>\n<li><bdi dir=\"ltr\">door.pdf</bdi> Handout: print at 100 %"),
        "{index}"
    );
    assert_eq!(index.matches("Booklet to fold: both sides").count(), 1);
    assert!(
        index.contains(
            "@media print{\n@page{margin:15mm}\n.print,.listen,.listen-all{display:none}"
        )
    );
    assert!(index.len() < 30 * 1024);

    // An index built without PDFs links none.
    let fx = Fixture::new("build/basic");
    fx.build(&BuildOptions {
        formats: vec![kyr::build::Format::Html],
        ..BuildOptions::default()
    });
    let index = fx.page("index.html");
    assert!(!index.contains(".pdf"), "{index}");
    assert!(!index.contains("class=\"print\""), "{index}");
}

#[test]
fn the_index_groups_languages_by_script_and_sorts_them_by_name() {
    let fx = Fixture::shipped();
    let (report, diags) = fx.build(&BuildOptions {
        formats: vec![kyr::build::Format::Html],
        ..BuildOptions::default()
    });
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    let index = fx.page("index.html");
    let order: Vec<&str> = index
        .split("<section lang=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    // The reference language first, then its script's languages by their
    // own names; then each other script's.
    assert_eq!(
        order,
        [
            "en", "es", "fr", "ht", "pt", "ff", "snk", "wo", "ff-Adlm", "ar"
        ]
    );
    // Each group starts with a few of its script's letters.
    let samples: Vec<&str> = index
        .split("<p class=\"writing\" dir=\"auto\" aria-hidden=\"true\">")
        .skip(1)
        .filter_map(|rest| rest.split('<').next())
        .collect();
    assert_eq!(samples, ["Abc", "𞤀𞤄𞤅", "أبت"]);
    // Their letters are in the index's fonts, as its text is.
    assert!(
        index.contains("U+1E900"),
        "the Adlam sample's A is not in the fonts' range"
    );
}

#[test]
fn pages_carry_subsets_of_the_fonts_their_text_needs_beside_them() {
    let fx = Fixture::shipped();
    let html = BuildOptions {
        formats: vec![kyr::build::Format::Html],
        ..BuildOptions::default()
    };
    let (report, diags) = fx.build(&html);
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    // The Adlam page loads the Adlam face from the folder beside it, for
    // its own letters only.
    let adlam = fx.page("ff-Adlm/at-the-door.html");
    assert!(
        adlam.contains("@font-face{font-family:\"Noto Sans Adlam\";font-weight:400;font-display:swap;src:url(\"fonts/NotoSansAdlam-Regular.woff2\") format(\"woff2\");unicode-range:U+1E9"),
        "{adlam}"
    );
    // A Latin page needs no Ethiopic.
    assert!(!fx.page("fr/at-the-door.html").contains("Ethiopic\";"));
    let root = fx.root().join("out");
    let mut folders = vec![root.join("fonts")];
    for entry in std::fs::read_dir(&root).unwrap().flatten() {
        if entry.path().join("at-the-door.html").is_file() {
            folders.push(entry.path().join("fonts"));
        }
    }
    assert!(folders.len() > 5);
    for folder in &folders {
        let mut total = 0;
        for font in std::fs::read_dir(folder).unwrap().flatten() {
            let bytes = std::fs::read(font.path()).unwrap();
            assert_eq!(&bytes[..4], b"wOF2", "{}", font.path().display());
            total += bytes.len();
        }
        // The budget: 200 KB of fonts per locale.
        assert!(total < 200 * 1024, "{}: {total} bytes", folder.display());
        eprintln!("{}: {} KB", folder.display(), total / 1024);
    }
    // Every page stays under the page budget with its rules.
    for entry in walkdir::WalkDir::new(&root).into_iter().flatten() {
        if entry.path().extension().is_some_and(|e| e == "html") {
            let size = std::fs::metadata(entry.path()).unwrap().len();
            assert!(size < 30 * 1024, "{}: {size} bytes", entry.path().display());
        }
    }
    // Every face a page names is there.
    for folder in &folders {
        let page_folder = folder.parent().unwrap();
        for page in std::fs::read_dir(page_folder).unwrap().flatten() {
            if page.path().extension().is_none_or(|e| e != "html") {
                continue;
            }
            let text = std::fs::read_to_string(page.path()).unwrap();
            for url in text.split("src:url(\"").skip(1) {
                let file = url.split('"').next().unwrap();
                assert!(
                    page_folder.join(file).is_file(),
                    "{}: {file}",
                    page.path().display()
                );
            }
        }
    }

    // An unchanged build writes no font again; a page gaining a letter
    // remakes its folder's fonts only.
    let adlam_font = fx.out("ff-Adlm/fonts/NotoSansAdlam-Regular.woff2");
    let before = std::fs::read(&adlam_font).unwrap();
    let (report, _) = fx.build(&html);
    assert!(report.written.is_empty(), "{:?}", report.written);
    fx.replace(
        "locales/ff-Adlm/kyr.ftl",
        "kyr-languages =",
        "kyr-languages = 𞤀 ",
    );
    let (report, diags) = fx.build(&html);
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    assert!(
        report
            .written
            .iter()
            .any(|p| p.ends_with("ff-Adlm/fonts/NotoSansAdlam-Regular.woff2")),
        "{:?}",
        report.written
    );
    assert!(
        !report
            .written
            .iter()
            .any(|p| p.ends_with("fr/fonts/NotoSans-Regular.woff2"))
    );
    assert_ne!(std::fs::read(&adlam_font).unwrap(), before);
    let with_the_letter = std::fs::read(&adlam_font).unwrap();

    // A build stopped between writing a page and making its folder's
    // fonts (here: the page has its new letter, the font is the old one)
    // leaves its mark, and the next build makes the fonts again.
    assert!(!fx.out(".kyr/fonts-unfinished").exists());
    std::fs::write(&adlam_font, &before).unwrap();
    fx.write("out/.kyr/fonts-unfinished", "");
    let (report, diags) = fx.build(&html);
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    assert_eq!(std::fs::read(&adlam_font).unwrap(), with_the_letter);
    assert!(!fx.out(".kyr/fonts-unfinished").exists());

    // A build of the PDFs alone leaves the pages' fonts alone; a locale
    // that is gone takes its fonts with it.
    let (report, _) = fx.build(&BuildOptions {
        formats: vec![kyr::build::Format::Pdf],
        locales: vec!["en".to_owned()],
        ..BuildOptions::default()
    });
    assert!(
        !report
            .written
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == "woff2"))
    );
    assert!(fx.out("fr/fonts/NotoSans-Regular.woff2").is_file());
    let config = std::fs::read_to_string(fx.root().join("kyr.toml")).unwrap();
    let start = config.find("[locales.ht]").unwrap();
    let end = config[start + 1..]
        .find("\n[")
        .map_or(config.len(), |e| start + 1 + e);
    fx.write(
        "kyr.toml",
        &format!("{}{}", &config[..start], &config[end..]),
    );
    let (report, diags) = fx.build(&html);
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    assert!(!fx.out("ht/at-the-door.html").exists());
    assert!(!fx.out("ht/fonts").exists(), "{:?}", report.removed);
}

#[test]
fn pages_stay_small_with_many_languages_and_the_switcher_lists_the_page_chain() {
    let fx = Fixture::new("build/basic");
    let original = std::fs::read_to_string(fx.root().join("kyr.toml")).unwrap();
    let mut many = String::new();
    for a in b'A'..=b'Z' {
        for b in b'A'..=b'Z' {
            let tag = format!("fr-{}{}", a as char, b as char);
            many.push_str(&format!(
                "\n[locales.{tag}]\nendonym = \"Français {tag}\"\nfallback = [\"fr\"]\n"
            ));
        }
    }
    fx.append("kyr.toml", &many);
    let html = BuildOptions {
        formats: vec![kyr::build::Format::Html],
        ..BuildOptions::default()
    };
    let (report, diags) = fx.build(&html);
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    assert!(!diags.contains("page-size"), "{diags}");
    let page = fx.page("fr-CD/door.html");
    assert!(page.len() < 30 * 1024, "{} bytes", page.len());
    let switcher =
        &page[page.find("<nav class=\"languages\"").unwrap()..page.find("</nav>").unwrap()];
    // fr-CD, then fr, then en: the page's chain; the indexes list the rest.
    assert_eq!(switcher.matches("<li>").count(), 3, "{switcher}");
    // "Documents" leads to the language's own index, beside its pages.
    assert!(
        page.contains("class=\"home\" href=\"index.html\""),
        "{page}"
    );
    let own = fx.page("fr-CD/index.html");
    assert!(own.contains("href=\"door.html\"") && own.contains("href=\"../index.html\""));
    // 681 languages: the site's index lists five lists of at most 150.
    let index = fx.page("index.html");
    assert!(index.len() < 30 * 1024, "{} bytes", index.len());
    for n in 1..=5 {
        assert!(
            index.contains(&format!("href=\"languages/{n}.html\"")),
            "{index}"
        );
        let list = fx.page(&format!("languages/{n}.html"));
        assert!(
            list.len() < 30 * 1024,
            "languages/{n}.html: {} bytes",
            list.len()
        );
    }
    assert!(!fx.out("languages/6.html").exists());
    let list = fx.page("languages/2.html");
    assert_eq!(list.matches("<li>").count(), 150);
    assert!(
        list.contains("href=\"../fr-HA/index.html\" lang=\"fr-HA\""),
        "{list}"
    );
    assert!(report.files.iter().any(|f| f.path == "languages/5.html"));

    // Back to five languages: one index again, and the split pages go.
    std::fs::write(fx.root().join("kyr.toml"), original).unwrap();
    let (report, diags) = fx.build(&html);
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    assert!(fx.page("index.html").contains("<section lang=\"fr\""));
    assert!(!fx.out("languages").exists());
    assert!(!fx.out("fr/index.html").exists());
    assert!(!fx.out("fr-CD").exists());
    assert!(fx.page("fr/door.html").contains("href=\"../index.html\""));
}

#[test]
fn a_page_over_the_size_budget_warns_and_fails_strict() {
    let fx = Fixture::new("build/basic");
    let long = "Vous avez le droit de garder le silence. ".repeat(1000);
    fx.replace(
        "locales/fr/door.ftl",
        "door-silent = Vous avez le droit de garder le silence.",
        &format!("door-silent = {long}"),
    );
    let options = BuildOptions {
        formats: vec![kyr::build::Format::Html],
        locales: vec!["fr".into()],
        ..BuildOptions::default()
    };
    let (_, diags) = fx.build(&options);
    assert!(
        diags.contains("content/door.md:1:1: warning: the page `fr/door.html` is 4"),
        "{diags}"
    );
    assert!(diags.contains("over the budget of 30 KB"), "{diags}");
    let (report, diags) = fx.build(&BuildOptions {
        strict: true.into(),
        force: true,
        ..options
    });
    assert!(report.diagnostics.error_count() > 0, "{diags}");
    assert!(!fx.out("fr/door.html").exists());
}

#[test]
fn a_folder_whose_fonts_pass_the_budget_is_warned_with_its_costliest_characters() {
    let fx = Fixture::new("build/basic");
    // Latin, IPA, Greek, Cyrillic: all in the one Noto Sans face.
    let every_latin: String = (0xA1u32..0x2B0)
        .chain(0x370..0x530)
        .chain(0x1E00..0x2000)
        .chain(0x2C60..0x2C80)
        .chain(0xA720..0xA800)
        .filter_map(char::from_u32)
        .filter(|c| !c.is_whitespace())
        .collect();
    fx.append(
        "locales/fr/door.ftl",
        &format!("door-call = {every_latin}\n"),
    );
    let (_, diags) = fx.build(&kyr::build::BuildOptions::default());
    assert!(
        diags.contains("warning: the fonts of `fr/fonts/` take "),
        "{diags}"
    );
    assert!(diags.contains("KB, over the budget of 200 KB"), "{diags}");
    assert!(
        diags.contains("the characters whose glyphs cost the most: "),
        "{diags}"
    );
    // At the language's table in kyr.toml, and told again by a build that
    // changes nothing.
    assert!(
        diags.contains("kyr.toml:12:1: warning: the fonts of `fr/fonts/`"),
        "{diags}"
    );
    let (_, again) = fx.build(&kyr::build::BuildOptions::default());
    assert!(again.contains("the fonts of `fr/fonts/` take"), "{again}");
    assert!(!diags.contains("the fonts of `ar/fonts/`"), "{diags}");
}
