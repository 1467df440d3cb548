# The words of the practice screens (src/present/wording.rs), for every
# front end: full screen, plain mode, speech and the kiosk.
# House style: plain British English, a reading age of about nine, at most
# 25 words a sentence, never blaming the learner.

app-title = hangup: practise spotting phone scams
choose = Choose
list-title = Choose a call to practise.
list-hint-keys = Press its number, or use the arrow keys and Enter.
list-hint-touch = Touch a call to start it.
refused-genuine = Some calls are real. It is fine to check them by calling back on a number you trust.
more-calls = More calls
help = Help
stop = Stop
go-on = Go on
back-to-list = Back to the list
quick-questions = Quick questions
back-one-step = Back one step
choose-again = Choose again
leave = Leave
skip = Skip
replay = Replay
go-back = Go back
more-below = More below
scroll-up = Back up
ringing = Your phone is ringing.
message-arrived = A text message has arrived.
knocking = Someone is knocking at your door.
answer-phone = Answer the phone
read-message = Read the message
go-to-door = Go to the door
caller-id-shows = Caller ID shows
it-is-from = It is from
they-say-they-are = They say they are
can-be-faked = Remember: the name and number on your screen can be faked. They do not prove who it is.
what-would-you-do = What would you do?
your-choice = Your choice.
your-answer = Your answer.
you-chose = You chose
safer = Safer choice.
risky = Risky choice.
trick = Trick
call-ended = The call has ended.
what-happened = What happened:
what-to-do-scam = What to do if this happens to you:
what-to-do-genuine = How to check a call safely:
tricks-in-call = Tricks in this call
replay-title = Your path and the safer path.
what-you-did = What you did:
safer-way = The safer way:
yes = Yes
no = No
quick-check-title = A quick check.
quick-yes = Yes, start the check
not-now = Not now
scam-or-real = Is this a scam or a real call?
a-scam = A scam
a-real-call = A real call
check-done = Quick check done.
check-done-after = Quick check done: how you have changed.
to-the-calls = Go to the practice calls
help-title = Help.
if-worried = If a call worries you:
numbers-to-know = Numbers to know:
keys = Keys on this screen:
touch-help = Touch a block to choose it. Touch More below to read on.
close-card = Close this card
stop-question = Do you want to stop practising?
yes-stop = Yes, stop
leave-question = Do you want to leave this call and go back to the list?
yes-leave = Yes, leave the call
keep-going = No, keep going
confirm-title = Are you sure?
touch-answer = Touch an answer
touch-button = Touch a button
too-small = Please make the window bigger.
reading-hint = Hard to read? Start hangup with --large for big letters, or --high-contrast for strong colours.
reading-hint-short = Hard to read? Press ? for help.
theme-hint = You can also use --theme light or --theme dark to match your screen.
typed-help = For help, type a question mark.
plain-keys = Type the number of your choice and press Enter. Type ? for help, r to hear it again, b to go back a step, or q to leave.
leave-check-question = Do you want to stop these questions and go back to the list of calls?
yes-leave-check = Yes, go to the list
no-step-back = There is no step to go back to here.

## Made with numbers or words from the call

# $n: the step's number.
step-title = Step { $n }.
# $n of $of questions.
recall-title = Quick question { $n } of { $of }.
check-title = Quick check, call { $n } of { $of }.
# $title: the call's title, ending in a full stop.
practice-call = Practice call: { $title }
# $source: who gave the advice, e.g. "Action Fraud".
based-on-advice = Based on advice from { $source }.
# $said and $want are said-yes or said-no.
recall-verdict-right = You said { $said }. That is right.
recall-verdict-wrong = You said { $said }. The answer is { $want }.
said-yes = yes
said-no = no
so-far = So far:
so-far-scams = { $spotted } of { $scams } scams spotted.
so-far-genuine = { $handled } of { $genuine } real calls handled well.
# $first: a file name; $reason: why, in plain words.
skipped-one = Note: { $first } could not be used: { $reason }
skipped-many = Note: { $count } files could not be used. The first is { $first }: { $reason }
# The plain-mode prompt. Scripts look for its start: keep "Choose 1-{ $n }" first.
plain-prompt = Choose 1-{ $n } and press Enter.
# $what: one of plain-get-help, plain-hear-again, plain-go-back, plain-leave; $key: the key.
plain-prompt-key = To { $what }, type { $key }.
plain-get-help = get help
plain-hear-again = hear it again
plain-go-back = go back a step
plain-leave = leave
plain-wrong = Please type a number from 1 to { $n }.

# Plain mode's title line for each screen. Screen-reader users search for
# its start: keep "Screen:" first.
plain-screen = Screen: { $title }

## Plain mode: who speaks. $who: a name from the call; $words: what they say.
plain-says = { $who } says: "{ $words }"
plain-message-says = The message says: "{ $words }"
plain-thought = You think: { $words }

## The list of calls: progress. The word before a call's title:
mark-due = Due
mark-new = New
# $done of $all calls.
practised-count = { $done } of { $all } practised.
due-count =
    { $due ->
        [one] { $due } call is due for practice again. It is at the top.
       *[other] { $due } calls are due for practice again. They are at the top.
    }
# $names: the tricks' names, with commas.
tricks-again = Tricks to practise again: { $names }.
# $date: a date like "1 March 2026".
booster = Practise this again in about two weeks, on or after { $date }.

## Added with the presentation model.
another-call = Another call
not-sure = Not sure: I would check first
