# How a call ended, in words (never colour alone), for scams and for real calls.
outcome-scam-safe = You stayed safe.
outcome-scam-partly-safe = Partly safe.
outcome-scam-defrauded = The caller got what they wanted.
outcome-genuine-safe = It was a real call, and you stayed safe.
outcome-genuine-partly-safe = You were safe, and you could check next time.
outcome-genuine-defrauded = This call went wrong.
# $source: who warned and when, e.g. "Hertfordshire Constabulary, September 2024".
based-on-warning = Based on a warning from { $source }.
