//! The one-mistake copies of a realistic call, as data: the base file and
//! each mistake with the diagnostics `hangup check` must give for it. Shared by
//! `tests/it/mistakes.rs` (the checker's messages) and
//! `tools/schema-test` (the JSON Schema agrees with the checker), which
//! includes this file with `#[path]`: keep it free of `crate::` paths.

pub struct Mistake {
    pub name: &'static str,
    pub find: &'static str,
    pub replace: &'static str,
    /// (code, line, column, hint)
    pub expect: &'static [(&'static str, usize, usize, Option<&'static str>)],
}

pub const BASE: &str = include_str!("../fixtures/mistakes/base.toml");

pub fn mistake_text(m: &Mistake) -> String {
    if m.name == "bom" {
        return format!("\u{feff}{BASE}");
    }
    assert!(
        BASE.contains(m.find),
        "{}: the base has no {:?}",
        m.name,
        m.find
    );
    BASE.replacen(m.find, m.replace, 1)
}

pub const MISTAKES: &[Mistake] = &[
    Mistake {
        name: "start-typo",
        find: "start = \"intro\"",
        replace: "start = \"intr\"",
        expect: &[("H0203", 21, 9, Some("did you mean `start = \"intro\"`?"))],
    },
    Mistake {
        name: "next-typo",
        find: "next = \"card-used\"",
        replace: "next = \"card-usd\"",
        expect: &[("H0203", 69, 8, Some("did you mean `next = \"card-used\"`?"))],
    },
    Mistake {
        name: "on-repeat-typo",
        find: "on_repeat = \"trap-again\"",
        replace: "on_repeat = \"trap-agin\"",
        expect: &[(
            "H0203",
            181,
            13,
            Some("did you mean `on_repeat = \"trap-again\"`?"),
        )],
    },
    Mistake {
        name: "flag-typo",
        find: "flags = [\"unexpected-contact\", \"fake-authority\"]",
        replace: "flags = [\"unexpected-contact\", \"fake-autority\"]",
        expect: &[("H0204", 58, 32, Some("did you mean \"fake-authority\"?"))],
    },
    Mistake {
        name: "advice-typo",
        find: "action = [\"hang-up\", \"clear-line\", \"call-police\", \"call-bank\", \"report\", \"no-courier\"]",
        replace: "action = [\"hang-up\", \"clear-line\", \"call-police\", \"call-bank\", \"report\", \"no-courrier\"]",
        expect: &[("H0205", 22, 74, Some("did you mean \"no-courier\"?"))],
    },
    Mistake {
        name: "verdict-unsafe",
        find: "verdict = \"risky\"",
        replace: "verdict = \"unsafe\"",
        expect: &[("H0103", 67, 11, None)],
    },
    Mistake {
        name: "verdict-capital",
        find: "verdict = \"risky\"",
        replace: "verdict = \"Risky\"",
        expect: &[("H0103", 67, 11, Some("did you mean `verdict = \"risky\"`?"))],
    },
    Mistake {
        name: "outcome-typo",
        find: "outcome = \"partly-safe\"",
        replace: "outcome = \"partly_safe\"",
        expect: &[(
            "H0103",
            484,
            11,
            Some("did you mean `outcome = \"partly-safe\"`?"),
        )],
    },
    Mistake {
        name: "kind-typo",
        find: "kind = \"scam\"",
        replace: "kind = \"scma\"",
        expect: &[("H0103", 18, 8, Some("did you mean `kind = \"scam\"`?"))],
    },
    Mistake {
        name: "unknown-time-limit",
        find: "minutes = 10",
        replace: "minutes = 10\ntime_limit = 5",
        expect: &[(
            "H0102",
            21,
            1,
            Some(
                "the keys allowed here are: action, amounts, caller, ending, id, kind, medium, minutes, recall, shuffle_choices, source, start, step, summary, title, variants",
            ),
        )],
    },
    Mistake {
        name: "key-if",
        find: "when = \"pin-read-out\"\nnext = \"partly-safe-pin\"",
        replace: "if = \"pin-read-out\"\nnext = \"partly-safe-pin\"",
        expect: &[("H0102", 396, 1, Some("this format calls it `when`"))],
    },
    Mistake {
        name: "key-typo-feedbak",
        find: "feedback = \"Well done. A call out",
        replace: "feedbak = \"Well done. A call out",
        expect: &[("H0102", 57, 1, Some("did you mean `feedback`?"))],
    },
    Mistake {
        name: "notes-after-line",
        find: "notes = \"Ask the room: which phone would you use to call for help, and why?\"\n\n[[step.line]]\nnarration = \"You put the phone down. Your heart is racing.\"",
        replace: "[[step.line]]\nnarration = \"You put the phone down. Your heart is racing.\"\nnotes = \"Ask the room: which phone would you use to call for help, and why?\"",
        expect: &[(
            "H0102",
            147,
            1,
            Some("`notes` belongs to [[step]]: move it above the first [[step.line]]"),
        )],
    },
    Mistake {
        name: "answer-no",
        find: "answer = false",
        replace: "answer = no",
        expect: &[(
            "H0101",
            579,
            10,
            Some("for yes or no, write true or false, in small letters and without quotes"),
        )],
    },
    Mistake {
        name: "curly-quotes",
        find: "title = \"A police officer calls about your bank card\"",
        replace: "title = “A police officer calls about your bank card”",
        expect: &[(
            "H0101",
            16,
            9,
            Some(
                "use straight quotes \" (word processors change them; type them again in a text editor)",
            ),
        )],
    },
    Mistake {
        name: "minutes-decimal",
        find: "minutes = 10",
        replace: "minutes = 12.5",
        expect: &[("H0103", 20, 11, None)],
    },
    Mistake {
        name: "minutes-quoted",
        find: "minutes = 10",
        replace: "minutes = \"10\"",
        expect: &[(
            "H0103",
            20,
            11,
            Some("write the number without quotes, e.g. minutes = 5"),
        )],
    },
    Mistake {
        name: "date-not-text",
        find: "when = \"September 2024\"",
        replace: "when = 2024-09-01",
        expect: &[(
            "H0103",
            27,
            8,
            Some("put the value in quotes: when = \"...\""),
        )],
    },
    Mistake {
        name: "missing-source",
        find: "[source]\nwho = \"Hertfordshire Constabulary\"\nwhen = \"September 2024\"\nurl = \"https://www.hemeltoday.co.uk/news/people/more-than-ps135k-stolen-from-hertfordshire-residents-in-fake-police-scam-4786348\"\n",
        replace: "",
        expect: &[(
            "H0104",
            23,
            1,
            Some("add a [source] table after the lines at the top of the file"),
        )],
    },
    Mistake {
        name: "missing-title",
        find: "title = \"A police officer calls about your bank card\"\n",
        replace: "",
        expect: &[(
            "H0104",
            15,
            1,
            Some("add a line `title = ...` at the top of the file, after `id`"),
        )],
    },
    Mistake {
        name: "missing-id",
        find: "id = \"police-courier\"\n",
        replace: "",
        expect: &[(
            "H0104",
            15,
            1,
            Some("add a line `id = ...` at the top of the file, before `title`"),
        )],
    },
    Mistake {
        name: "missing-next",
        find: "recap = \"You hung up straight away.\"\nnext = \"after-hangup\"",
        replace: "recap = \"You hung up straight away.\"",
        expect: &[("H0104", 55, 1, Some("add a line `next = ...` here"))],
    },
    Mistake {
        name: "missing-feedback",
        find: "feedback = \"Well done. A call out of the blue about your bank is a warning sign. You may always hang up, even on someone who says they are police.\"\n",
        replace: "",
        expect: &[("H0104", 55, 1, Some("add a line `feedback = ...` here"))],
    },
    Mistake {
        name: "empty-variant",
        find: "spent = [\"£1,850\", \"£2,400\", \"£3,100\"]",
        replace: "spent = []",
        expect: &[(
            "H0210",
            40,
            1,
            Some("give it at least one value, or remove it"),
        )],
    },
    Mistake {
        name: "unknown-placeholder",
        find: "This is {officer} from {station}.",
        replace: "This is {oficer} from {station}.",
        expect: &[("H0209", 52, 51, Some("did you mean {officer}?"))],
    },
    Mistake {
        name: "stray-brace",
        find: "Your account is at risk.",
        replace: "Your account {is at risk.",
        expect: &[(
            "H0407",
            52,
            142,
            Some(
                "write placeholders as {name}, with a name from [variants]; write {{ or }} for a bracket on its own",
            ),
        )],
    },
    Mistake {
        name: "duplicate-id",
        find: "id = \"secret\"",
        replace: "id = \"pin\"",
        expect: &[
            ("H0203", 261, 8, None),
            (
                "H0201",
                296,
                6,
                Some("give each step and ending its own id (the first one is on line 274)"),
            ),
        ],
    },
    Mistake {
        name: "bad-id-chars",
        find: "id = \"card-used\"\n",
        replace: "id = \"Card Used\"\n",
        expect: &[(
            "H0202",
            82,
            6,
            Some("use small letters, digits and dashes only, e.g. \"ask-for-pin\""),
        )],
    },
    Mistake {
        name: "long-id",
        find: "id = \"police-courier\"",
        replace: "id = \"police-courier-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"",
        expect: &[(
            "H0202",
            15,
            6,
            Some("use a shorter id, e.g. \"ask-for-pin\""),
        )],
    },
    Mistake {
        name: "fact-misspelt-when",
        find: "when = \"pin-read-out\"\nnext = \"partly-safe-pin\"",
        replace: "when = \"pin-red-out\"\nnext = \"partly-safe-pin\"",
        expect: &[(
            "H0501",
            396,
            8,
            Some("did you mean \"pin-read-out\"? A choice sets that one"),
        )],
    },
    Mistake {
        name: "fact-misspelt-set",
        find: "set = [\"cards-in-envelope\"]",
        replace: "set = [\"card-in-envelope\"]",
        expect: &[(
            "H0501",
            252,
            8,
            Some("did you mean set = [\"cards-in-envelope\"]?"),
        )],
    },
    Mistake {
        name: "fact-bad-name",
        find: "set = [\"cards-in-envelope\"]",
        replace: "set = [\"Cards in envelope\"]",
        expect: &[
            (
                "H0507",
                252,
                8,
                Some(
                    "start with a small letter; use small letters, digits, - and _ (at most 40), e.g. \"pin-told\"",
                ),
            ),
            (
                "H0504",
                449,
                8,
                Some("set the fact on a choice before this point, or remove the condition"),
            ),
        ],
    },
    Mistake {
        name: "ending-story-wrong",
        find: "when = \"pin-in-envelope\"\nnext = \"partly-safe-envelope\"",
        replace: "when = \"pin-in-envelope\"\nnext = \"partly-safe-pin\"",
        expect: &[
            (
                "H0503",
                483,
                8,
                Some(
                    "this way does: intro \"Ask what has happened and how you can help.\" → card-used \"Say you did not spend it, and ask what to do.\" → instructions \"Agree, and find an envelope for your cards.\" → pin \"Write your PIN down and put it in the envelope.\" → courier-door \"Keep the door shut and ring 999.\"; give a choice on that way `when = \"pin-read-out\"`, or send it to another ending",
                ),
            ),
            ("H0307", 496, 6, None),
        ],
    },
    Mistake {
        name: "line-two-kinds",
        find: "thought = \"Was that really the police? I should tell someone about it. But how?\"",
        replace: "thought = \"Was that really the police? I should tell someone about it. But how?\"\nnarration = \"You sit down.\"",
        expect: &[("H0505", 152, 13, Some("put each in its own [[step.line]]"))],
    },
    Mistake {
        name: "who-on-thought",
        find: "thought = \"Was that really the police?",
        replace: "who = \"You\"\nthought = \"Was that really the police?",
        expect: &[(
            "H0505",
            151,
            7,
            Some("remove `who`, or make the line `says`"),
        )],
    },
    Mistake {
        name: "loop-no-repeat",
        find: "on_repeat = \"trap-again\"\n",
        replace: "",
        expect: &[
            (
                "H0508",
                144,
                6,
                Some(
                    "give one of them on_repeat = \"...\" so the second visit leads on, e.g. to the consequence",
                ),
            ),
            (
                "H0301",
                212,
                6,
                Some("point a choice's `next` at it, or remove it"),
            ),
            ("H0307", 563, 6, None),
        ],
    },
    Mistake {
        name: "newline-in-text",
        find: "title = \"You kept your money safe\"",
        replace: "title = \"You kept\\nyour money safe\"",
        expect: &[(
            "H0409",
            438,
            9,
            Some(
                "a line break shows as a new line in plain mode and is lost on the full screen; write one line, or use [[step.line]] for a new line",
            ),
        )],
    },
    Mistake {
        name: "real-number",
        find: "callerid = [\"01632 960114\",",
        replace: "callerid = [\"020 7123 4567\",",
        expect: &[(
            "H0410",
            38,
            14,
            Some(
                "use a number kept for drama, e.g. 01632 960123 or 07700 900123 (Ofcom), or a real advice number from the fact sheet",
            ),
        )],
    },
    Mistake {
        name: "jargon-click",
        find: "text = \"Hang up straight away.\"",
        replace: "text = \"Click to hang up straight away.\"",
        expect: &[(
            "H0411",
            56,
            9,
            Some("say what the person does, e.g. \"press the link\" or \"on the internet\""),
        )],
    },
    Mistake {
        name: "long-sentence",
        find: "feedback = \"Well done. A call out of the blue",
        replace: "feedback = \"Well done, because a call that comes out of the blue about your bank and your card and your money is always a warning sign for anyone at all. A call out of the blue",
        expect: &[("H0412", 57, 13, Some("split it into two sentences"))],
    },
    Mistake {
        name: "ending-drops-report",
        find: "action = [\"hang-up\", \"clear-line\", \"call-police\", \"call-bank\", \"report\", \"never-share\"]",
        replace: "action = [\"hang-up\", \"clear-line\", \"call-police\", \"call-bank\", \"never-share\"]",
        expect: &[(
            "H0413",
            493,
            11,
            Some(
                "every ending of a phone scam teaches the whole habit; add the missing steps, or remove the ending's action to use the scenario's",
            ),
        )],
    },
    Mistake {
        name: "call-action-drops-the-call",
        find: "action = [\"hang-up\", \"clear-line\", \"call-police\", \"call-bank\", \"report\", \"no-courier\"]",
        replace: "action = [\"hang-up\", \"clear-line\", \"report\", \"no-courier\"]",
        expect: &[(
            "H0413",
            22,
            11,
            Some(
                "every ending of a phone scam teaches: hang up, clear the line, call 101 or your bank, and report it",
            ),
        )],
    },
    Mistake {
        name: "choice-after-endings",
        find: "[[recall]]\nquestion = \"Would a real police officer",
        replace: "[[step.choice]]\ntext = \"Ring the bank.\"\nfeedback = \"Good.\"\nnext = \"safe\"\n\n[[recall]]\nquestion = \"Would a real police officer",
        expect: &[(
            "H0309",
            578,
            8,
            Some("move this [[step.choice]] up, under the [[step]] it belongs to"),
        )],
    },
    Mistake {
        name: "one-choice",
        find: "[[step.choice]]\ntext = \"Say no, and hang up.\"\nfeedback = \"Well done. Real police never ask you to take out money. Next, think about which phone you use to report it.\"\nflags = [\"move-money\"]\nverdict = \"safer\"\nrecap = \"You said no and hung up.\"\nnext = \"after-hangup\"\n",
        replace: "",
        expect: &[
            (
                "H0404",
                328,
                6,
                Some("a learner needs a real choice, and no more than four to read"),
            ),
            (
                "H0504",
                442,
                8,
                Some("set the fact on a choice before this point, or remove the condition"),
            ),
        ],
    },
    Mistake {
        name: "bad-char-escape",
        find: "title = \"You kept your money safe\"",
        replace: "title = \"You kept your money\u{1b}[2J safe\"",
        expect: &[("H0406", 438, 29, Some("delete it; write plain text only"))],
    },
    Mistake {
        name: "endings-typo",
        find: "[[ending]]\nid = \"safe\"\n",
        replace: "[[endings]]\nid = \"safe\"\n",
        expect: &[
            ("H0102", 435, 3, Some("this format calls it `ending`")),
            (
                "H0103",
                443,
                3,
                Some("write a list, e.g. ending = [\"...\", \"...\"]"),
            ),
            (
                "H0101",
                457,
                3,
                Some("each key can be written once per table (the same on 7 more lines)"),
            ),
        ],
    },
    Mistake {
        name: "unclosed-list",
        find: "officer = [\"Detective Sergeant Mark Ellis\", \"Detective Constable Sarah Hughes\", \"Detective Inspector Paul Grant\"]",
        replace: "officer = [\"Detective Sergeant Mark Ellis\", \"Detective Constable Sarah Hughes\", \"Detective Inspector Paul Grant\"",
        expect: &[("H0101", 36, 1, Some("add `]` at the end of the list"))],
    },
    Mistake {
        name: "bom",
        find: "",
        replace: "",
        expect: &[(
            "H0110",
            1,
            1,
            Some("nothing to fix; some editors can save as \"UTF-8 without BOM\""),
        )],
    },
    Mistake {
        name: "variant-set-part-typo",
        find: "wait = [\"Twenty minutes\", \"Half an hour\", \"Forty minutes\"]",
        replace: "wait = [\"Twenty minutes\", \"Half an hour\", \"Forty minutes\"]\nteam = [{ name = \"DC Ray Cole\", force = \"Kent Police\" }, { name = \"DS Ann Shah\", forse = \"Essex Police\" }]",
        expect: &[("H0211", 46, 58, Some("did you mean `force`?"))],
    },
    Mistake {
        name: "amount-below-zero",
        find: "wait = [\"Twenty minutes\", \"Half an hour\", \"Forty minutes\"]",
        replace: "wait = [\"Twenty minutes\", \"Half an hour\", \"Forty minutes\"]\n\n[amounts]\nleft = \"{cash} - {taken}\"",
        expect: &[(
            "H0212",
            48,
            8,
            Some(
                "put the values that go together in one set, e.g. payment = [{ total = \"£4,000\", first = \"£1,500\" }]",
            ),
        )],
    },
    Mistake {
        name: "amount-in-words",
        find: "wait = [\"Twenty minutes\", \"Half an hour\", \"Forty minutes\"]",
        replace: "wait = [\"Twenty minutes\", \"Half an hour\", \"Forty minutes\"]\n\n[amounts]\nleft = \"{taken} minus {cash}\"",
        expect: &[(
            "H0212",
            48,
            17,
            Some("write sums and {names} joined by + or -, e.g. \"{total} - {first}\""),
        )],
    },
    Mistake {
        name: "amount-unknown-name",
        find: "wait = [\"Twenty minutes\", \"Half an hour\", \"Forty minutes\"]",
        replace: "wait = [\"Twenty minutes\", \"Half an hour\", \"Forty minutes\"]\n\n[amounts]\nleft = \"{taken} - {cassh}\"",
        expect: &[("H0209", 48, 19, Some("did you mean {cash}?"))],
    },
    Mistake {
        name: "sender-without-channel",
        find: "id = \"ring-999\"\n",
        replace: "id = \"ring-999\"\nsender = \"Private number\"\n",
        expect: &[(
            "H0509",
            114,
            10,
            Some(
                "add channel = \"call\" (or \"text\", \"email\", \"voice-note\", \"face-to-face\") above `sender`",
            ),
        )],
    },
    Mistake {
        name: "channel-typo",
        find: "id = \"ring-999\"\n",
        replace: "id = \"ring-999\"\nchannel = \"phone-call\"\n",
        // A word of the same meaning is a fair hint.
        expect: &[("H0103", 114, 11, Some("did you mean `channel = \"call\"`?"))],
    },
    Mistake {
        name: "caller-header-missing",
        find: "[caller]\n",
        replace: "",
        expect: &[(
            "H0113",
            30,
            1,
            Some("add a line `[caller]` above `name = ...`"),
        )],
    },
    Mistake {
        name: "step-header-missing",
        find: "[[step]]\nid = \"after-hangup\"",
        replace: "id = \"after-hangup\"",
        expect: &[(
            "H0113",
            143,
            1,
            Some("add a line `[[step]]` above `id = ...`"),
        )],
    },
    Mistake {
        name: "steps-plural",
        find: "[[step]]\nid = \"after-hangup\"",
        replace: "[[steps]]\nid = \"after-hangup\"",
        expect: &[("H0102", 143, 3, Some("this format calls it `step`"))],
    },
    Mistake {
        name: "start-is-an-ending",
        find: "start = \"intro\"",
        replace: "start = \"safe\"",
        expect: &[(
            "H0203",
            21,
            9,
            Some("the first step in the file is `start = \"intro\"`"),
        )],
    },
    Mistake {
        name: "triple-quote-never-closed",
        find: "scene = \"It is a quiet afternoon.",
        replace: "scene = \"\"\"It is a quiet afternoon.",
        expect: &[(
            "H0101",
            51,
            9,
            Some("end it with \"\"\", or write text on one line with one \" at each end"),
        )],
    },
    Mistake {
        name: "apostrophe-in-single-quotes",
        find: "scene = \"It is a quiet afternoon.",
        replace: "scene = 'It's a quiet afternoon.",
        expect: &[(
            "H0101",
            51,
            13,
            Some("put a text with an apostrophe in double quotes, e.g. says = \"It's me\""),
        )],
    },
    Mistake {
        name: "colon-for-equals",
        find: "minutes = 10",
        replace: "minutes: 10",
        expect: &[("H0101", 20, 8, Some("write minutes = ..."))],
    },
    Mistake {
        name: "medium-text",
        find: "medium = \"call\"",
        replace: "medium = \"phone\"",
        expect: &[("H0103", 19, 10, Some("did you mean `medium = \"call\"`?"))],
    },
    Mistake {
        name: "shuffle-quoted",
        find: "shuffle_choices = true",
        replace: "shuffle_choices = \"yes\"",
        expect: &[(
            "H0103",
            23,
            19,
            Some(
                "write true or false, in small letters and without quotes, e.g. shuffle_choices = true",
            ),
        )],
    },
    Mistake {
        name: "happened-not-a-list",
        find: "happened = [\n  \"A caller said they were the police, and that your bank card was at risk.\",\n]",
        replace: "happened = \"A caller said they were the police, and that your bank card was at risk.\"",
        expect: &[(
            "H0103",
            439,
            12,
            Some("write a list, e.g. happened = [\"...\", \"...\"]"),
        )],
    },
    Mistake {
        name: "placeholder-with-spaces",
        find: "Hello, is that a {bank} customer?",
        replace: "Hello, is that a { bank } customer?",
        expect: &[(
            "H0407",
            52,
            26,
            Some("write the placeholder without spaces: {bank}"),
        )],
    },
];
