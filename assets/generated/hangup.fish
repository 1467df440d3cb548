# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_hangup_global_optspecs
    string join \n scenarios= language= plain seed= region= high-contrast monochrome key-pause= theme= large data-dir= no-save speak speak-command= h/help V/version
end

function __fish_hangup_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_hangup_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_hangup_using_subcommand
    set -l cmd (__fish_hangup_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c hangup -n "__fish_hangup_needs_command" -l scenarios -d 'A folder of extra scenario files to use as well as the built-in ones. A file with the same id as a built-in scenario replaces it' -r -F
complete -c hangup -n "__fish_hangup_needs_command" -l language -d 'The language for the screens and calls: "cy" (Cymraeg) or "en-GB" (English). Without it: the kiosk\'s language setting, then LANGUAGE, LC_ALL, LC_MESSAGES and LANG, then English' -r -f -a "en-GB\t''
cy\t''"
complete -c hangup -n "__fish_hangup_needs_command" -l seed -d 'Repeat a run exactly: the same names, amounts and order of choices' -r
complete -c hangup -n "__fish_hangup_needs_command" -l region -d 'Whose numbers to show' -r -f -a "ewni\t'England, Wales and Northern Ireland'
scotland\t'Scotland'"
complete -c hangup -n "__fish_hangup_needs_command" -l key-pause -d 'After the screen changes, ignore keys and touches for this long, so a doubled key does not answer a question not yet seen (default 400; 0 turns it off)' -r
complete -c hangup -n "__fish_hangup_needs_command" -l theme -d 'Colours for a light or dark background. Without it, hangup asks the terminal, then looks at COLORFGBG; if neither says, it uses the terminal\'s own colours' -r -f -a "light\t'A light background'
dark\t'A dark background'"
complete -c hangup -n "__fish_hangup_needs_command" -l data-dir -d 'Where hangup keeps its few files: your progress, kiosk counts and group records (default: HANGUP_DATA_DIR, or your computer\'s usual place for program data)' -r -F
complete -c hangup -n "__fish_hangup_needs_command" -l speak-command -d 'The program that speaks, with its options; the words are added at the end. For example "spd-say -r -30" (default: espeak-ng -v en-gb -s 130; in Welsh, -v cy)' -r
complete -c hangup -n "__fish_hangup_needs_command" -l plain -d 'Use plain text, one line at a time (for screen readers and scripts). This is chosen by itself when the input or output is not a screen'
complete -c hangup -n "__fish_hangup_needs_command" -l high-contrast -d 'Stronger contrast: the terminal\'s own colours, with bold and underline'
complete -c hangup -n "__fish_hangup_needs_command" -l monochrome -d 'No colour at all (also chosen when NO_COLOR is set)'
complete -c hangup -n "__fish_hangup_needs_command" -l large -d 'Big letters for the caller\'s words and the key messages, when the window is wide enough'
complete -c hangup -n "__fish_hangup_needs_command" -l no-save -d 'Do not save any progress (nothing is written to the computer)'
complete -c hangup -n "__fish_hangup_needs_command" -l speak -d 'Read every screen aloud: the caller\'s words, the choices, the feedback, the ending with its advice and numbers, the list and the help card (off unless asked for)'
complete -c hangup -n "__fish_hangup_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hangup -n "__fish_hangup_needs_command" -s V -l version -d 'Print version'
complete -c hangup -n "__fish_hangup_needs_command" -f -a "play" -d 'Play one practice call, by its id (see `hangup list`) or a file name'
complete -c hangup -n "__fish_hangup_needs_command" -f -a "group" -d 'Run a group session on a projector or big screen (for volunteers)'
complete -c hangup -n "__fish_hangup_needs_command" -f -a "script" -d 'Print a call as a large-print script to read aloud in a role play'
complete -c hangup -n "__fish_hangup_needs_command" -f -a "handout" -d 'Make a one-page, large-print take-home sheet to print'
complete -c hangup -n "__fish_hangup_needs_command" -f -a "list" -d 'List the practice calls, one a line, starting with each one\'s id'
complete -c hangup -n "__fish_hangup_needs_command" -f -a "kiosk" -d 'Run as an unattended kiosk: resets when left alone, keeps nothing about visitors. See the kiosk guide: /usr/share/doc/hangup/docs/kiosk.md when installed from the package, docs/kiosk.md in the source'
complete -c hangup -n "__fish_hangup_needs_command" -f -a "stats" -d 'Print the kiosk\'s anonymous counts (visits, calls finished) per day, and the group sessions\' totals (in English)'
complete -c hangup -n "__fish_hangup_needs_command" -f -a "check" -d 'Check scenario files for mistakes (for people who write them). With no files, checks the built-in ones and any in --scenarios'
complete -c hangup -n "__fish_hangup_needs_command" -f -a "translate" -d 'Print a translation file to fill in (for translators): every text of a call, a catalogue or the quick check, with the translation so far. Use with --language, e.g. `hangup translate police-courier --language cy`'
complete -c hangup -n "__fish_hangup_needs_command" -f -a "schema" -d 'Print the JSON Schema of the scenario format (for text editors)'
complete -c hangup -n "__fish_hangup_needs_command" -f -a "paths" -d 'List every way through a call, and how often each ending is reached'
complete -c hangup -n "__fish_hangup_needs_command" -f -a "progress" -d 'Show which calls you have practised, and when to practise again'
complete -c hangup -n "__fish_hangup_needs_command" -f -a "completions" -d 'Print tab completion for a shell (bash, zsh or fish), for packagers. For example: hangup completions bash > /etc/bash_completion.d/hangup'
complete -c hangup -n "__fish_hangup_needs_command" -f -a "man" -d 'Print the manual page (troff), for packagers: hangup man > hangup.1 (each command also has its own page, e.g. hangup-kiosk(1), in the package)'
complete -c hangup -n "__fish_hangup_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hangup -n "__fish_hangup_using_subcommand play" -l scenarios -d 'A folder of extra scenario files to use as well as the built-in ones. A file with the same id as a built-in scenario replaces it' -r -F
complete -c hangup -n "__fish_hangup_using_subcommand play" -l language -d 'The language for the screens and calls: "cy" (Cymraeg) or "en-GB" (English). Without it: the kiosk\'s language setting, then LANGUAGE, LC_ALL, LC_MESSAGES and LANG, then English' -r -f -a "en-GB\t''
cy\t''"
complete -c hangup -n "__fish_hangup_using_subcommand play" -l seed -d 'Repeat a run exactly: the same names, amounts and order of choices' -r
complete -c hangup -n "__fish_hangup_using_subcommand play" -l region -d 'Whose numbers to show' -r -f -a "ewni\t'England, Wales and Northern Ireland'
scotland\t'Scotland'"
complete -c hangup -n "__fish_hangup_using_subcommand play" -l key-pause -d 'After the screen changes, ignore keys and touches for this long, so a doubled key does not answer a question not yet seen (default 400; 0 turns it off)' -r
complete -c hangup -n "__fish_hangup_using_subcommand play" -l theme -d 'Colours for a light or dark background. Without it, hangup asks the terminal, then looks at COLORFGBG; if neither says, it uses the terminal\'s own colours' -r -f -a "light\t'A light background'
dark\t'A dark background'"
complete -c hangup -n "__fish_hangup_using_subcommand play" -l data-dir -d 'Where hangup keeps its few files: your progress, kiosk counts and group records (default: HANGUP_DATA_DIR, or your computer\'s usual place for program data)' -r -F
complete -c hangup -n "__fish_hangup_using_subcommand play" -l speak-command -d 'The program that speaks, with its options; the words are added at the end. For example "spd-say -r -30" (default: espeak-ng -v en-gb -s 130; in Welsh, -v cy)' -r
complete -c hangup -n "__fish_hangup_using_subcommand play" -l plain -d 'Use plain text, one line at a time (for screen readers and scripts). This is chosen by itself when the input or output is not a screen'
complete -c hangup -n "__fish_hangup_using_subcommand play" -l high-contrast -d 'Stronger contrast: the terminal\'s own colours, with bold and underline'
complete -c hangup -n "__fish_hangup_using_subcommand play" -l monochrome -d 'No colour at all (also chosen when NO_COLOR is set)'
complete -c hangup -n "__fish_hangup_using_subcommand play" -l large -d 'Big letters for the caller\'s words and the key messages, when the window is wide enough'
complete -c hangup -n "__fish_hangup_using_subcommand play" -l no-save -d 'Do not save any progress (nothing is written to the computer)'
complete -c hangup -n "__fish_hangup_using_subcommand play" -l speak -d 'Read every screen aloud: the caller\'s words, the choices, the feedback, the ending with its advice and numbers, the list and the help card (off unless asked for)'
complete -c hangup -n "__fish_hangup_using_subcommand play" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hangup -n "__fish_hangup_using_subcommand group" -l scenario -d 'Put these calls in today\'s plan, in this order (you can change it on screen)' -r
complete -c hangup -n "__fish_hangup_using_subcommand group" -l scenarios -d 'A folder of extra scenario files to use as well as the built-in ones. A file with the same id as a built-in scenario replaces it' -r -F
complete -c hangup -n "__fish_hangup_using_subcommand group" -l language -d 'The language for the screens and calls: "cy" (Cymraeg) or "en-GB" (English). Without it: the kiosk\'s language setting, then LANGUAGE, LC_ALL, LC_MESSAGES and LANG, then English' -r -f -a "en-GB\t''
cy\t''"
complete -c hangup -n "__fish_hangup_using_subcommand group" -l seed -d 'Repeat a run exactly: the same names, amounts and order of choices' -r
complete -c hangup -n "__fish_hangup_using_subcommand group" -l region -d 'Whose numbers to show' -r -f -a "ewni\t'England, Wales and Northern Ireland'
scotland\t'Scotland'"
complete -c hangup -n "__fish_hangup_using_subcommand group" -l key-pause -d 'After the screen changes, ignore keys and touches for this long, so a doubled key does not answer a question not yet seen (default 400; 0 turns it off)' -r
complete -c hangup -n "__fish_hangup_using_subcommand group" -l theme -d 'Colours for a light or dark background. Without it, hangup asks the terminal, then looks at COLORFGBG; if neither says, it uses the terminal\'s own colours' -r -f -a "light\t'A light background'
dark\t'A dark background'"
complete -c hangup -n "__fish_hangup_using_subcommand group" -l data-dir -d 'Where hangup keeps its few files: your progress, kiosk counts and group records (default: HANGUP_DATA_DIR, or your computer\'s usual place for program data)' -r -F
complete -c hangup -n "__fish_hangup_using_subcommand group" -l speak-command -d 'The program that speaks, with its options; the words are added at the end. For example "spd-say -r -30" (default: espeak-ng -v en-gb -s 130; in Welsh, -v cy)' -r
complete -c hangup -n "__fish_hangup_using_subcommand group" -l notes -d 'Open the volunteer\'s notes window: it follows the session running in another window (start either first), and its keys act on it too'
complete -c hangup -n "__fish_hangup_using_subcommand group" -l high-contrast -d 'Stronger contrast: the terminal\'s own colours, with bold and underline'
complete -c hangup -n "__fish_hangup_using_subcommand group" -l monochrome -d 'No colour at all (also chosen when NO_COLOR is set)'
complete -c hangup -n "__fish_hangup_using_subcommand group" -l large -d 'Big letters for the caller\'s words and the key messages, when the window is wide enough'
complete -c hangup -n "__fish_hangup_using_subcommand group" -l speak -d 'Read every screen aloud: the caller\'s words, the choices, the feedback, the ending with its advice and numbers, the list and the help card (off unless asked for)'
complete -c hangup -n "__fish_hangup_using_subcommand group" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hangup -n "__fish_hangup_using_subcommand script" -l scenarios -d 'A folder of extra scenario files to use as well as the built-in ones. A file with the same id as a built-in scenario replaces it' -r -F
complete -c hangup -n "__fish_hangup_using_subcommand script" -l language -d 'The language for the screens and calls: "cy" (Cymraeg) or "en-GB" (English). Without it: the kiosk\'s language setting, then LANGUAGE, LC_ALL, LC_MESSAGES and LANG, then English' -r -f -a "en-GB\t''
cy\t''"
complete -c hangup -n "__fish_hangup_using_subcommand script" -l seed -d 'Repeat a run exactly: the same names, amounts and order of choices' -r
complete -c hangup -n "__fish_hangup_using_subcommand script" -l region -d 'Whose numbers to show' -r -f -a "ewni\t'England, Wales and Northern Ireland'
scotland\t'Scotland'"
complete -c hangup -n "__fish_hangup_using_subcommand script" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hangup -n "__fish_hangup_using_subcommand handout" -l scenario -d 'The calls practised (give it more than once). Without it: every call' -r
complete -c hangup -n "__fish_hangup_using_subcommand handout" -l format -d 'What kind of file to make' -r -f -a "html\t'A web page, to print from a web browser'
md\t'Markdown text'
txt\t'Plain text'"
complete -c hangup -n "__fish_hangup_using_subcommand handout" -l out -d 'Write to this file instead of the screen. An existing file is not replaced unless --force is given' -r -F
complete -c hangup -n "__fish_hangup_using_subcommand handout" -l today -d 'With --mine: count "practise again" from this day (YYYY-MM-DD) instead of today, e.g. the day of the session' -r
complete -c hangup -n "__fish_hangup_using_subcommand handout" -l scenarios -d 'A folder of extra scenario files to use as well as the built-in ones. A file with the same id as a built-in scenario replaces it' -r -F
complete -c hangup -n "__fish_hangup_using_subcommand handout" -l language -d 'The language for the screens and calls: "cy" (Cymraeg) or "en-GB" (English). Without it: the kiosk\'s language setting, then LANGUAGE, LC_ALL, LC_MESSAGES and LANG, then English' -r -f -a "en-GB\t''
cy\t''"
complete -c hangup -n "__fish_hangup_using_subcommand handout" -l region -d 'Whose numbers to show' -r -f -a "ewni\t'England, Wales and Northern Ireland'
scotland\t'Scotland'"
complete -c hangup -n "__fish_hangup_using_subcommand handout" -l data-dir -d 'Where hangup keeps its few files: your progress, kiosk counts and group records (default: HANGUP_DATA_DIR, or your computer\'s usual place for program data)' -r -F
complete -c hangup -n "__fish_hangup_using_subcommand handout" -l force -d 'Replace the --out file if it is already there'
complete -c hangup -n "__fish_hangup_using_subcommand handout" -l mine -d 'Add what you practised on this computer and the tricks that caught you out (read from your progress file, nothing else)'
complete -c hangup -n "__fish_hangup_using_subcommand handout" -l no-save -d 'Do not save any progress (nothing is written to the computer)'
complete -c hangup -n "__fish_hangup_using_subcommand handout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hangup -n "__fish_hangup_using_subcommand list" -l scenarios -d 'A folder of extra scenario files to use as well as the built-in ones. A file with the same id as a built-in scenario replaces it' -r -F
complete -c hangup -n "__fish_hangup_using_subcommand list" -l language -d 'The language for the screens and calls: "cy" (Cymraeg) or "en-GB" (English). Without it: the kiosk\'s language setting, then LANGUAGE, LC_ALL, LC_MESSAGES and LANG, then English' -r -f -a "en-GB\t''
cy\t''"
complete -c hangup -n "__fish_hangup_using_subcommand list" -l json -d 'Print a JSON list (id, title, kind, source) for other programs'
complete -c hangup -n "__fish_hangup_using_subcommand list" -s h -l help -d 'Print help'
complete -c hangup -n "__fish_hangup_using_subcommand kiosk" -l idle-timeout -d 'Seconds with no key or touch before asking "Are you still there?" (default 120)' -r
complete -c hangup -n "__fish_hangup_using_subcommand kiosk" -l idle-warning -d 'Seconds that question shows, counting down, before starting again (default 30)' -r
complete -c hangup -n "__fish_hangup_using_subcommand kiosk" -l config -d 'The settings file (default: ~/.config/hangup/kiosk.toml, then /etc/hangup/kiosk.toml)' -r -F
complete -c hangup -n "__fish_hangup_using_subcommand kiosk" -l scenarios -d 'A folder of extra scenario files to use as well as the built-in ones. A file with the same id as a built-in scenario replaces it' -r -F
complete -c hangup -n "__fish_hangup_using_subcommand kiosk" -l language -d 'The language for the screens and calls: "cy" (Cymraeg) or "en-GB" (English). Without it: the kiosk\'s language setting, then LANGUAGE, LC_ALL, LC_MESSAGES and LANG, then English' -r -f -a "en-GB\t''
cy\t''"
complete -c hangup -n "__fish_hangup_using_subcommand kiosk" -l seed -d 'Repeat a run exactly: the same names, amounts and order of choices' -r
complete -c hangup -n "__fish_hangup_using_subcommand kiosk" -l region -d 'Whose numbers to show' -r -f -a "ewni\t'England, Wales and Northern Ireland'
scotland\t'Scotland'"
complete -c hangup -n "__fish_hangup_using_subcommand kiosk" -l key-pause -d 'After the screen changes, ignore keys and touches for this long, so a doubled key does not answer a question not yet seen (default 400; 0 turns it off)' -r
complete -c hangup -n "__fish_hangup_using_subcommand kiosk" -l theme -d 'Colours for a light or dark background. Without it, hangup asks the terminal, then looks at COLORFGBG; if neither says, it uses the terminal\'s own colours' -r -f -a "light\t'A light background'
dark\t'A dark background'"
complete -c hangup -n "__fish_hangup_using_subcommand kiosk" -l data-dir -d 'Where hangup keeps its few files: your progress, kiosk counts and group records (default: HANGUP_DATA_DIR, or your computer\'s usual place for program data)' -r -F
complete -c hangup -n "__fish_hangup_using_subcommand kiosk" -l speak-command -d 'The program that speaks, with its options; the words are added at the end. For example "spd-say -r -30" (default: espeak-ng -v en-gb -s 130; in Welsh, -v cy)' -r
complete -c hangup -n "__fish_hangup_using_subcommand kiosk" -l high-contrast -d 'Stronger contrast: the terminal\'s own colours, with bold and underline'
complete -c hangup -n "__fish_hangup_using_subcommand kiosk" -l monochrome -d 'No colour at all (also chosen when NO_COLOR is set)'
complete -c hangup -n "__fish_hangup_using_subcommand kiosk" -l large -d 'Big letters for the caller\'s words and the key messages, when the window is wide enough'
complete -c hangup -n "__fish_hangup_using_subcommand kiosk" -l speak -d 'Read every screen aloud: the caller\'s words, the choices, the feedback, the ending with its advice and numbers, the list and the help card (off unless asked for)'
complete -c hangup -n "__fish_hangup_using_subcommand kiosk" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hangup -n "__fish_hangup_using_subcommand stats" -l config -d 'The kiosk settings file, to find its data-dir' -r -F
complete -c hangup -n "__fish_hangup_using_subcommand stats" -l report -d 'Write a one-page report with charts to this file (HTML: open it in a web browser and print it, or save it as PDF). Numbers only' -r -F
complete -c hangup -n "__fish_hangup_using_subcommand stats" -l scenarios -d 'A folder of extra scenario files to use as well as the built-in ones. A file with the same id as a built-in scenario replaces it' -r -F
complete -c hangup -n "__fish_hangup_using_subcommand stats" -l data-dir -d 'Where hangup keeps its few files: your progress, kiosk counts and group records (default: HANGUP_DATA_DIR, or your computer\'s usual place for program data)' -r -F
complete -c hangup -n "__fish_hangup_using_subcommand stats" -l csv -d 'Print comma-separated values for a spreadsheet, instead of a table'
complete -c hangup -n "__fish_hangup_using_subcommand stats" -s h -l help -d 'Print help'
complete -c hangup -n "__fish_hangup_using_subcommand check" -l format -d 'How to print problems' -r -f -a "human\t'Each problem with its line, a pointer to the place and a hint'
short\t'One line for each problem'
json\t'JSON, for text editors and automatic checks'"
complete -c hangup -n "__fish_hangup_using_subcommand check" -l scenarios -d 'A folder of extra scenario files to use as well as the built-in ones. A file with the same id as a built-in scenario replaces it' -r -F
complete -c hangup -n "__fish_hangup_using_subcommand check" -l language -d 'The language for the screens and calls: "cy" (Cymraeg) or "en-GB" (English). Without it: the kiosk\'s language setting, then LANGUAGE, LC_ALL, LC_MESSAGES and LANG, then English' -r -f -a "en-GB\t''
cy\t''"
complete -c hangup -n "__fish_hangup_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hangup -n "__fish_hangup_using_subcommand translate" -l language -d 'The language for the screens and calls: "cy" (Cymraeg) or "en-GB" (English). Without it: the kiosk\'s language setting, then LANGUAGE, LC_ALL, LC_MESSAGES and LANG, then English' -r -f -a "en-GB\t''
cy\t''"
complete -c hangup -n "__fish_hangup_using_subcommand translate" -s h -l help -d 'Print help'
complete -c hangup -n "__fish_hangup_using_subcommand schema" -s h -l help -d 'Print help'
complete -c hangup -n "__fish_hangup_using_subcommand paths" -l format -d 'text (every path, in words), or a map of the call: dot (Graphviz), svg (a picture, no Graphviz needed) or mermaid (for Markdown pages)' -r -f -a "text\t''
dot\t''
svg\t''
mermaid\t''"
complete -c hangup -n "__fish_hangup_using_subcommand paths" -l scenarios -d 'A folder of extra scenario files to use as well as the built-in ones. A file with the same id as a built-in scenario replaces it' -r -F
complete -c hangup -n "__fish_hangup_using_subcommand paths" -l language -d 'The language for the screens and calls: "cy" (Cymraeg) or "en-GB" (English). Without it: the kiosk\'s language setting, then LANGUAGE, LC_ALL, LC_MESSAGES and LANG, then English' -r -f -a "en-GB\t''
cy\t''"
complete -c hangup -n "__fish_hangup_using_subcommand paths" -s h -l help -d 'Print help'
complete -c hangup -n "__fish_hangup_using_subcommand progress" -l scenarios -d 'A folder of extra scenario files to use as well as the built-in ones. A file with the same id as a built-in scenario replaces it' -r -F
complete -c hangup -n "__fish_hangup_using_subcommand progress" -l language -d 'The language for the screens and calls: "cy" (Cymraeg) or "en-GB" (English). Without it: the kiosk\'s language setting, then LANGUAGE, LC_ALL, LC_MESSAGES and LANG, then English' -r -f -a "en-GB\t''
cy\t''"
complete -c hangup -n "__fish_hangup_using_subcommand progress" -l data-dir -d 'Where hangup keeps its few files: your progress, kiosk counts and group records (default: HANGUP_DATA_DIR, or your computer\'s usual place for program data)' -r -F
complete -c hangup -n "__fish_hangup_using_subcommand progress" -l reset -d 'Delete the saved progress'
complete -c hangup -n "__fish_hangup_using_subcommand progress" -l no-save -d 'Do not save any progress (nothing is written to the computer)'
complete -c hangup -n "__fish_hangup_using_subcommand progress" -s h -l help -d 'Print help'
complete -c hangup -n "__fish_hangup_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hangup -n "__fish_hangup_using_subcommand man" -s h -l help -d 'Print help'
complete -c hangup -n "__fish_hangup_using_subcommand help; and not __fish_seen_subcommand_from play group script handout list kiosk stats check translate schema paths progress completions man help" -f -a "play" -d 'Play one practice call, by its id (see `hangup list`) or a file name'
complete -c hangup -n "__fish_hangup_using_subcommand help; and not __fish_seen_subcommand_from play group script handout list kiosk stats check translate schema paths progress completions man help" -f -a "group" -d 'Run a group session on a projector or big screen (for volunteers)'
complete -c hangup -n "__fish_hangup_using_subcommand help; and not __fish_seen_subcommand_from play group script handout list kiosk stats check translate schema paths progress completions man help" -f -a "script" -d 'Print a call as a large-print script to read aloud in a role play'
complete -c hangup -n "__fish_hangup_using_subcommand help; and not __fish_seen_subcommand_from play group script handout list kiosk stats check translate schema paths progress completions man help" -f -a "handout" -d 'Make a one-page, large-print take-home sheet to print'
complete -c hangup -n "__fish_hangup_using_subcommand help; and not __fish_seen_subcommand_from play group script handout list kiosk stats check translate schema paths progress completions man help" -f -a "list" -d 'List the practice calls, one a line, starting with each one\'s id'
complete -c hangup -n "__fish_hangup_using_subcommand help; and not __fish_seen_subcommand_from play group script handout list kiosk stats check translate schema paths progress completions man help" -f -a "kiosk" -d 'Run as an unattended kiosk: resets when left alone, keeps nothing about visitors. See the kiosk guide: /usr/share/doc/hangup/docs/kiosk.md when installed from the package, docs/kiosk.md in the source'
complete -c hangup -n "__fish_hangup_using_subcommand help; and not __fish_seen_subcommand_from play group script handout list kiosk stats check translate schema paths progress completions man help" -f -a "stats" -d 'Print the kiosk\'s anonymous counts (visits, calls finished) per day, and the group sessions\' totals (in English)'
complete -c hangup -n "__fish_hangup_using_subcommand help; and not __fish_seen_subcommand_from play group script handout list kiosk stats check translate schema paths progress completions man help" -f -a "check" -d 'Check scenario files for mistakes (for people who write them). With no files, checks the built-in ones and any in --scenarios'
complete -c hangup -n "__fish_hangup_using_subcommand help; and not __fish_seen_subcommand_from play group script handout list kiosk stats check translate schema paths progress completions man help" -f -a "translate" -d 'Print a translation file to fill in (for translators): every text of a call, a catalogue or the quick check, with the translation so far. Use with --language, e.g. `hangup translate police-courier --language cy`'
complete -c hangup -n "__fish_hangup_using_subcommand help; and not __fish_seen_subcommand_from play group script handout list kiosk stats check translate schema paths progress completions man help" -f -a "schema" -d 'Print the JSON Schema of the scenario format (for text editors)'
complete -c hangup -n "__fish_hangup_using_subcommand help; and not __fish_seen_subcommand_from play group script handout list kiosk stats check translate schema paths progress completions man help" -f -a "paths" -d 'List every way through a call, and how often each ending is reached'
complete -c hangup -n "__fish_hangup_using_subcommand help; and not __fish_seen_subcommand_from play group script handout list kiosk stats check translate schema paths progress completions man help" -f -a "progress" -d 'Show which calls you have practised, and when to practise again'
complete -c hangup -n "__fish_hangup_using_subcommand help; and not __fish_seen_subcommand_from play group script handout list kiosk stats check translate schema paths progress completions man help" -f -a "completions" -d 'Print tab completion for a shell (bash, zsh or fish), for packagers. For example: hangup completions bash > /etc/bash_completion.d/hangup'
complete -c hangup -n "__fish_hangup_using_subcommand help; and not __fish_seen_subcommand_from play group script handout list kiosk stats check translate schema paths progress completions man help" -f -a "man" -d 'Print the manual page (troff), for packagers: hangup man > hangup.1 (each command also has its own page, e.g. hangup-kiosk(1), in the package)'
complete -c hangup -n "__fish_hangup_using_subcommand help; and not __fish_seen_subcommand_from play group script handout list kiosk stats check translate schema paths progress completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
