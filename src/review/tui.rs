//! The full-screen reviewer: open conflicts in, one verdict per key press out to the reviews file.
//!
//! Conflicts are walked most severe first. Each screen shows the slot, both values with the
//! sentences that state them (the value highlighted), the sources and their `source:line:column`.
//! Keys: `c` confirm, `d` dismiss, `o` reopen, `n` type a note (Enter saves, Esc cancels), `u` undo
//! the last verdict, `s` or → skip, ← back, `q` or Esc quit. Every verdict is written to the
//! reviews file the moment it is made ([`Reviews::update`]: locked, merged, atomic), so quitting,
//! a crash or a closed terminal loses nothing already decided.
//!
//! [`App`] holds the state and reacts to keys without a terminal, so its logic is unit-tested;
//! [`run`] puts it on the terminal with ratatui and crossterm.

use std::path::{Path, PathBuf};

use ratatui::Frame;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::{Reviews, Verdict, locate, status_name};
use crate::error::{InputError, Place};
use crate::report::{ConflictRow, Relation, Severity, Status};

/// What a session did, for the closing line on stderr.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub confirmed: usize,
    pub dismissed: usize,
    pub reopened: usize,
    pub notes: usize,
    /// Conflicts of this session still open when it ended.
    pub still_open: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Mode {
    Browse,
    Note(String),
}

/// One saved change, so `u` can put the previous verdict back.
#[derive(Clone, Debug)]
struct Undo {
    index: usize,
    previous: Option<Verdict>,
    written: Verdict,
}

/// The reviewer's state: the conflicts to walk, where we are, and what can be undone.
pub struct App {
    rows: Vec<ConflictRow>,
    pos: usize,
    reviews_path: PathBuf,
    undo: Vec<Undo>,
    mode: Mode,
    message: String,
    quit: bool,
}

impl App {
    /// `rows` are the report's conflicts with the reviews already applied; the open ones are
    /// walked, most severe first.
    pub fn new(mut rows: Vec<ConflictRow>, reviews_path: &Path) -> App {
        rows.retain(|r| r.status == Status::Open);
        rows.sort_by(super::report::review_order);
        App {
            rows,
            pos: 0,
            reviews_path: reviews_path.to_path_buf(),
            undo: Vec::new(),
            mode: Mode::Browse,
            message: String::new(),
            quit: false,
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn finished(&self) -> bool {
        self.quit
    }

    /// The conflict on screen, or `None` past the last one.
    pub fn current(&self) -> Option<&ConflictRow> {
        self.rows.get(self.pos)
    }

    pub fn message(&self) -> &str {
        &self.message
    }

    /// Reacts to one key press.
    pub fn on_key(&mut self, key: KeyEvent) {
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            self.quit = true;
            return;
        }
        if let Mode::Note(buf) = &mut self.mode {
            match key.code {
                KeyCode::Enter => {
                    let note = std::mem::take(buf);
                    self.mode = Mode::Browse;
                    if let Some(row) = self.current() {
                        let status = row.status;
                        self.record(status, Some(note), false);
                    }
                }
                KeyCode::Esc => {
                    self.mode = Mode::Browse;
                    self.message = "note not saved".into();
                }
                KeyCode::Backspace => {
                    buf.pop();
                }
                KeyCode::Char(ch) if !ch.is_control() => buf.push(ch),
                _ => {}
            }
            return;
        }
        match key.code {
            KeyCode::Char('c') => self.record(Status::Confirmed, None, true),
            KeyCode::Char('d') => self.record(Status::Dismissed, None, true),
            KeyCode::Char('o') => self.record(Status::Open, None, true),
            KeyCode::Char('n') => match self.current() {
                Some(row) => self.mode = Mode::Note(row.note.clone()),
                None => self.message = "no conflict here: ← goes back".into(),
            },
            KeyCode::Char('u') => self.undo(),
            KeyCode::Char('s') | KeyCode::Right if self.pos < self.rows.len() => {
                self.pos += 1;
                self.message.clear();
            }
            KeyCode::Left | KeyCode::Char('b') => {
                self.pos = self.pos.saturating_sub(1);
                self.message.clear();
            }
            KeyCode::Char('q') | KeyCode::Esc => self.quit = true,
            _ => {}
        }
    }

    /// Saves a verdict for the conflict on screen. `note: None` keeps the note it already has.
    fn record(&mut self, status: Status, note: Option<String>, advance: bool) {
        let Some(row) = self.rows.get(self.pos) else {
            self.message = "no conflict here: ← goes back, u undoes, q quits".into();
            return;
        };
        let id = row.id.clone();
        let saved = Reviews::update(&self.reviews_path, |r| {
            let previous = r.get(&id).cloned();
            let note = note.unwrap_or_else(|| {
                previous
                    .as_ref()
                    .map(|p| p.note.clone())
                    .unwrap_or_default()
            });
            let verdict = Verdict::now(status, note);
            r.set(&id, verdict.clone());
            (previous, verdict)
        });
        match saved {
            Ok(((previous, written), _)) => {
                let row = &mut self.rows[self.pos];
                row.status = written.status;
                row.note = written.note.clone();
                self.message = format!("saved: {} {}", status_name(status), row.slot);
                self.undo.push(Undo {
                    index: self.pos,
                    previous,
                    written,
                });
                if advance {
                    self.pos += 1;
                }
            }
            Err(e) => self.message = format!("NOT SAVED: {e}"),
        }
    }

    /// Puts back the verdict the last change replaced, unless someone else changed it since.
    fn undo(&mut self) {
        let Some(step) = self.undo.pop() else {
            self.message = "nothing to undo".into();
            return;
        };
        let id = self.rows[step.index].id.clone();
        let result = Reviews::update(&self.reviews_path, |r| {
            if r.get(&id) != Some(&step.written) {
                return false;
            }
            match &step.previous {
                Some(p) => {
                    r.set(&id, p.clone());
                }
                None => {
                    r.remove(&id);
                }
            }
            true
        });
        match result {
            Ok((true, _)) => {
                let row = &mut self.rows[step.index];
                row.status = step.previous.as_ref().map_or(Status::Open, |p| p.status);
                row.note = step
                    .previous
                    .as_ref()
                    .map(|p| p.note.clone())
                    .unwrap_or_default();
                self.pos = step.index;
                self.message = format!("undone: {}", row.slot);
            }
            Ok((false, _)) => {
                self.message = "not undone: this verdict was changed by someone else since".into()
            }
            Err(e) => {
                self.message = format!("NOT UNDONE: {e}");
                self.undo.push(step);
            }
        }
    }

    /// Counts of what this session saved (after undos).
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        let mut last: std::collections::HashMap<usize, &Verdict> = Default::default();
        for u in &self.undo {
            last.insert(u.index, &u.written);
            if u.previous.as_ref().map(|p| &p.note) != Some(&u.written.note)
                && !u.written.note.is_empty()
            {
                s.notes += 1;
            }
        }
        for v in last.values() {
            match v.status {
                Status::Confirmed => s.confirmed += 1,
                Status::Dismissed => s.dismissed += 1,
                Status::Open => s.reopened += 1,
            }
        }
        s.still_open = self
            .rows
            .iter()
            .filter(|r| r.status == Status::Open)
            .count();
        s
    }

    fn draw(&self, frame: &mut Frame) {
        let [top, main, help, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(8),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(frame.area());

        let done = self
            .rows
            .iter()
            .filter(|r| r.status != Status::Open)
            .count();
        let title = format!(
            " claimdiff review  {} of {}  ({} decided)  {}",
            (self.pos + 1).min(self.rows.len()),
            self.rows.len(),
            done,
            self.reviews_path.display()
        );
        frame.render_widget(
            Paragraph::new(title).style(Style::new().add_modifier(Modifier::REVERSED)),
            top,
        );

        match self.current() {
            Some(row) => draw_conflict(frame, main, row),
            None => {
                let s = self.summary();
                let text = vec![
                    Line::from(format!(
                        "All {} open conflicts walked: {} confirmed, {} dismissed, {} still open.",
                        self.rows.len(),
                        s.confirmed,
                        s.dismissed,
                        s.still_open
                    )),
                    Line::from("Every verdict is already saved. ← goes back, u undoes, q quits."),
                ];
                frame.render_widget(
                    Paragraph::new(text).block(Block::new().borders(Borders::ALL)),
                    main,
                );
            }
        }

        frame.render_widget(
            Paragraph::new(
                " c confirm  d dismiss  o reopen  n note  u undo  s/→ skip  ← back  q quit",
            )
            .style(Style::new().fg(Color::Cyan)),
            help,
        );
        let line = match &self.mode {
            Mode::Note(buf) => Line::from(vec![
                Span::styled(" note> ", Style::new().add_modifier(Modifier::BOLD)),
                Span::raw(buf.clone()),
                Span::styled("_", Style::new().add_modifier(Modifier::SLOW_BLINK)),
                Span::raw("   (Enter saves, Esc cancels)"),
            ]),
            Mode::Browse => Line::from(format!(" {}", self.message)),
        };
        frame.render_widget(Paragraph::new(line), status);
    }
}

fn severity_style(s: Severity) -> Style {
    let base = Style::new().add_modifier(Modifier::BOLD);
    match s {
        Severity::High => base.fg(Color::White).bg(Color::Red),
        Severity::Medium => base.fg(Color::Black).bg(Color::Yellow),
        Severity::Low => base.fg(Color::Black).bg(Color::Gray),
    }
}

fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::High => "HIGH",
        Severity::Medium => "MEDIUM",
        Severity::Low => "LOW",
    }
}

fn draw_conflict(frame: &mut Frame, area: ratatui::layout::Rect, row: &ConflictRow) {
    let [head, side_a, side_b, foot] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Fill(1),
        Constraint::Length(2),
    ])
    .areas(area);
    let relation = match row.relation {
        Relation::Conflict => "conflict",
        Relation::Update => "update (later source, running total)",
    };
    let head_lines = vec![
        Line::from(vec![
            Span::styled(
                format!(" {} ", severity_name(row.severity)),
                severity_style(row.severity),
            ),
            Span::raw(" "),
            Span::styled(row.slot.clone(), Style::new().add_modifier(Modifier::BOLD)),
            Span::raw(format!("  {}  {}", row.kind, relation)),
        ]),
        Line::from(format!(
            " id {}  status {}{}",
            row.id,
            status_name(row.status),
            // Which story the sources tell, in a corpus of several.
            if row.story.is_empty() {
                String::new()
            } else {
                format!("  story {}", row.story)
            }
        )),
    ];
    frame.render_widget(Paragraph::new(head_lines), head);
    draw_side(
        frame,
        side_a,
        "A",
        [
            &row.value_a,
            &row.text_a,
            &row.sources_a,
            &row.location_a,
            &row.evidence_a,
        ],
    );
    draw_side(
        frame,
        side_b,
        "B",
        [
            &row.value_b,
            &row.text_b,
            &row.sources_b,
            &row.location_b,
            &row.evidence_b,
        ],
    );
    let note = if row.note.is_empty() {
        "(none)"
    } else {
        &row.note
    };
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(format!(" note: {note}")),
            Line::from(format!(" rule: {}", row.rule)),
        ]),
        foot,
    );
}

/// One side of a conflict: `[value, text, sources, location, evidence]`.
fn draw_side(frame: &mut Frame, area: ratatui::layout::Rect, label: &str, side: [&String; 5]) {
    let [value, text, sources, location, evidence] = side;
    let mark = Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD);
    let mut sentence = Vec::new();
    match locate(evidence, text) {
        Some(r) => {
            sentence.push(Span::raw(evidence[..r.start].to_string()));
            sentence.push(Span::styled(evidence[r.clone()].to_string(), mark));
            sentence.push(Span::raw(evidence[r.end..].to_string()));
        }
        None => sentence.push(Span::raw(evidence.to_string())),
    }
    let lines = vec![
        Line::from(vec![
            Span::raw("said "),
            Span::styled(text.to_string(), mark),
            Span::raw(format!("  in {}", sources.replace(';', "; "))),
        ]),
        Line::from(format!("at {location}")),
        Line::from(""),
        Line::from(sentence),
    ];
    let block = Block::new()
        .borders(Borders::ALL)
        .title(format!(" {label}: {value} "));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// Runs the reviewer on the terminal until the user quits. The terminal is restored on every
/// exit path, including a panic (ratatui's hook).
pub fn run(app: &mut App) -> Result<(), InputError> {
    let term_err = |e: std::io::Error| InputError::new("terminal", Place::Whole, e.to_string());
    let mut terminal = ratatui::try_init().map_err(term_err)?;
    let result = (|| -> std::io::Result<()> {
        while !app.finished() {
            terminal.draw(|f| app.draw(f))?;
            if let Event::Key(key) = event::read()?
                && key.kind == KeyEventKind::Press
            {
                app.on_key(key);
            }
        }
        Ok(())
    })();
    ratatui::restore();
    result.map_err(term_err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Relation;

    fn row(id: &str, severity: Severity, slot: &str) -> ConflictRow {
        ConflictRow {
            id: id.into(),
            status: Status::Open,
            severity,
            kind: "count".into(),
            slot: slot.into(),
            value_a: "1100".into(),
            value_b: "1500".into(),
            text_a: "1,100".into(),
            text_b: "1,500".into(),
            sources_a: "a.txt".into(),
            sources_b: "b.txt".into(),
            evidence_a: "About 1,100 troops.".into(),
            evidence_b: "Some 1,500 troops.".into(),
            location_a: "a.txt:1:1".into(),
            location_b: "b.txt:1:1".into(),
            rule: "builtin".into(),
            note: String::new(),
            relation: Relation::Conflict,
            fact: String::new(),
            story: String::new(),
        }
    }

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn walks_high_first_saves_each_verdict_and_undoes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reviews.csv");
        let mut closed = row("x0", Severity::High, "a/count");
        closed.status = Status::Dismissed;
        let rows = vec![
            row("x1", Severity::Low, "a/count"),
            row("x2", Severity::High, "z/count"),
            closed,
            row("x3", Severity::Medium, "b/count"),
        ];
        let mut app = App::new(rows, &path);
        assert_eq!(app.len(), 3, "the dismissed conflict is not walked");
        assert_eq!(app.current().unwrap().id, "x2");
        app.on_key(key('c'));
        assert_eq!(app.current().unwrap().id, "x3");
        let saved = Reviews::load(&path).unwrap();
        assert_eq!(saved.get("x2").unwrap().status, Status::Confirmed);
        app.on_key(key('s'));
        assert_eq!(app.current().unwrap().id, "x1");
        app.on_key(key('n'));
        for ch in "wire copy".chars() {
            app.on_key(key(ch));
        }
        app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        app.on_key(key('d'));
        let saved = Reviews::load(&path).unwrap();
        let x1 = saved.get("x1").unwrap();
        assert_eq!(
            (x1.status, x1.note.as_str()),
            (Status::Dismissed, "wire copy")
        );
        assert!(app.current().is_none());
        app.on_key(key('u'));
        assert_eq!(app.current().unwrap().id, "x1");
        let saved = Reviews::load(&path).unwrap();
        let x1 = saved.get("x1").unwrap();
        assert_eq!((x1.status, x1.note.as_str()), (Status::Open, "wire copy"));
        app.on_key(key('u'));
        app.on_key(key('u'));
        let saved = Reviews::load(&path).unwrap();
        assert_eq!(saved.len(), 0, "undoing the first verdicts removes them");
        app.on_key(key('q'));
        assert!(app.finished());
    }

    #[test]
    fn undo_leaves_another_reviewers_change_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reviews.csv");
        let mut app = App::new(vec![row("x1", Severity::High, "a/count")], &path);
        app.on_key(key('c'));
        Reviews::update(&path, |r| {
            r.set("x1", Verdict::now(Status::Dismissed, "second reviewer"));
        })
        .unwrap();
        app.on_key(key('u'));
        assert!(app.message().starts_with("not undone"), "{}", app.message());
        let saved = Reviews::load(&path).unwrap();
        assert_eq!(saved.get("x1").unwrap().note, "second reviewer");
    }
}
