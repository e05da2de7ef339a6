//! A tiny XML tree built with quick-xml, strict about nesting: enough to check DOCX parts and HTML pages.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// An element with its attributes and children.
#[derive(Debug, Clone, Default)]
pub struct Node {
    /// Qualified name (`w:tbl`, `table`).
    pub name: String,
    /// Attributes in document order, values unescaped.
    pub attrs: Vec<(String, String)>,
    /// Children in document order.
    pub children: Vec<Child>,
}

/// A child of an element.
#[derive(Debug, Clone)]
pub enum Child {
    /// A nested element.
    Node(Node),
    /// Character data, unescaped.
    Text(String),
}

/// Parses `xml` and returns its root element; panics when it is not well-formed.
pub fn parse(xml: &str) -> Node {
    let mut reader = Reader::from_str(xml);
    let mut stack = vec![Node::default()];
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(node(&e)),
            Event::Empty(e) => push(&mut stack, Child::Node(node(&e))),
            Event::End(e) => {
                let name = e.name().as_ref().to_owned();
                let done = stack.pop().expect("open element");
                assert_eq!(done.name, name, "mismatched end tag");
                assert!(!stack.is_empty(), "end tag without start: {name}");
                push(&mut stack, Child::Node(done));
            }
            Event::Text(t) => push(&mut stack, Child::Text(t.into_inner().into_owned())),
            Event::CData(t) => push(&mut stack, Child::Text(t.into_inner().into_owned())),
            Event::GeneralRef(r) => {
                let s = match r.resolve_char_ref().expect("valid char ref") {
                    Some(c) => c.to_string(),
                    None => match r.into_inner().as_ref() {
                        "amp" => "&".to_owned(),
                        "lt" => "<".to_owned(),
                        "gt" => ">".to_owned(),
                        "quot" => "\"".to_owned(),
                        "apos" => "'".to_owned(),
                        other => panic!("undefined entity &{other};"),
                    },
                };
                push(&mut stack, Child::Text(s));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "unclosed element at end of input");
    let root = stack.pop().expect("document");
    let mut elements = root.children.into_iter().filter_map(|c| match c {
        Child::Node(n) => Some(n),
        Child::Text(_) => None,
    });
    let first = elements.next().expect("a root element");
    assert!(elements.next().is_none(), "one root element");
    first
}

/// An element from its start tag.
fn node(e: &BytesStart<'_>) -> Node {
    let attrs = e
        .attributes()
        .map(|a| {
            let a = a.expect("well-formed attribute");
            let key = a.key.as_ref().to_owned();
            (
                key,
                a.normalized_value(XmlVersion::default())
                    .expect("attribute value")
                    .into_owned(),
            )
        })
        .collect();
    Node {
        name: e.name().as_ref().to_owned(),
        attrs,
        children: Vec::new(),
    }
}

/// Appends `child` to the innermost open element.
fn push(stack: &mut [Node], child: Child) {
    stack.last_mut().expect("open element").children.push(child);
}

impl Node {
    /// The value of attribute `name`, "" when absent.
    pub fn attr(&self, name: &str) -> String {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// Whether the `class` attribute lists `class`.
    pub fn has_class(&self, class: &str) -> bool {
        self.attr("class").split_whitespace().any(|c| c == class)
    }

    /// Element children named `name`.
    pub fn children_named(&self, name: &str) -> Vec<&Node> {
        self.children
            .iter()
            .filter_map(|c| match c {
                Child::Node(n) if n.name == name => Some(n),
                _ => None,
            })
            .collect()
    }

    /// All descendants named `name`, in document order (not this node itself).
    pub fn find_all(&self, name: &str) -> Vec<&Node> {
        let mut out = Vec::new();
        self.walk(&mut |n| {
            if n.name == name {
                out.push(n);
            }
        });
        out
    }

    /// The first descendant named `name`.
    pub fn find(&self, name: &str) -> Option<&Node> {
        self.find_all(name).into_iter().next()
    }

    /// Calls `f` on every descendant in document order.
    fn walk<'a>(&'a self, f: &mut dyn FnMut(&'a Node)) {
        for c in &self.children {
            if let Child::Node(n) = c {
                f(n);
                n.walk(f);
            }
        }
    }

    /// The text content in document order, leaving out nested Word field codes, styles and scripts.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for c in &self.children {
            match c {
                Child::Text(t) => out.push_str(t),
                Child::Node(n) => n.collect_text(&mut out),
            }
        }
        out
    }

    fn collect_text(&self, out: &mut String) {
        if matches!(self.name.as_str(), "w:instrText" | "style" | "script") {
            return;
        }
        for c in &self.children {
            match c {
                Child::Text(t) => out.push_str(t),
                Child::Node(n) => n.collect_text(out),
            }
        }
    }
}
