<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../ui/about.py" line="+60"/>
        <source>About %1</source>
        <translation>Über %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sitbreak watches how long you sit at your desk, without recording what you do, and asks you to stand up before a sitting spell grows long. Each prompt suggests a short movement for the back of the body (glutes, hamstrings, calves, lower back, hip flexors, quads), with a picture and plain steps, rotating so that every part gets its turn.</source>
        <translation>Sitbreak achtet darauf, wie lange Sie am Schreibtisch sitzen, ohne aufzuzeichnen, was Sie tun, und bittet Sie aufzustehen, bevor eine Sitzphase zu lang wird. Jede Erinnerung schlägt eine kurze Übung für die Körperrückseite vor (Gesäß, hintere Oberschenkel, Waden, unterer Rücken, Hüftbeuger, vordere Oberschenkel), mit Bild und einfachen Schritten und im Wechsel, damit jeder Bereich an die Reihe kommt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing leaves your computer: no account, no tracking, no network. Your sitting log stays in the files below.</source>
        <translation>Nichts verlässt Ihren Computer: kein Konto, kein Tracking, kein Netzwerk. Ihr Sitzprotokoll bleibt in den unten genannten Dateien.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Free software under the %1 licence.</source>
        <translation>Freie Software unter der Lizenz %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your exercises</source>
        <translation>Ihre Übungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sitting log</source>
        <translation>Sitzprotokoll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log file</source>
        <translation>Logdatei</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../ui/status_window.py" line="+206"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>ExerciseCard</name>
    <message>
        <location filename="../ui/library_window.py" line="+208"/>
        <source>Hidden from suggestions</source>
        <translation>Aus den Vorschlägen ausgeblendet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start now</source>
        <translation>Jetzt starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open this exercise in the stretch window</source>
        <translation>Diese Übung im Übungsfenster öffnen</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Remove from favourites</source>
        <translation>Aus den Favoriten entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark as favourite: suggested more often</source>
        <translation>Als Favorit markieren: wird öfter vorgeschlagen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show in suggestions again</source>
        <translation>Wieder vorschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hide from suggestions</source>
        <translation>Nicht mehr vorschlagen</translation>
    </message>
</context>
<context>
    <name>FirstRunNotice</name>
    <message>
        <location filename="../ui/about.py" line="+49"/>
        <source>Welcome to %1</source>
        <translation>Willkommen bei %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sitbreak will ask you to stand up now and then, and suggest a short movement.</source>
        <translation>Sitbreak bittet Sie ab und zu aufzustehen und schlägt eine kurze Übung vor.</translation>
    </message>
</context>
<context>
    <name>FreedesktopNotifier</name>
    <message>
        <location filename="../platform/notify_freedesktop.py" line="+129"/>
        <source>Show the stretch</source>
        <translation>Übung zeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Snooze {minutes} min</source>
        <translation>{minutes} Min. später</translation>
    </message>
</context>
<context>
    <name>LibraryController</name>
    <message>
        <location filename="../ui/library_controller.py" line="+89"/>
        <source>More movements</source>
        <translation>Weitere Übungen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No equipment</source>
        <translation>Ohne Hilfsmittel</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Your change could not be saved: {error}</source>
        <translation>Ihre Änderung konnte nicht gespeichert werden: {error}</translation>
    </message>
</context>
<context>
    <name>LibraryWindow</name>
    <message>
        <location filename="../ui/library_window.py" line="+37"/>
        <source>Exercise library — {app}</source>
        <translation>Übungsbibliothek — {app}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exercise library</source>
        <translation>Übungsbibliothek</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Movements for the back of the body. Star the ones you like to see them more often, hide the ones you don&apos;t want suggested, or start one right now.</source>
        <translation>Übungen für die Körperrückseite. Markieren Sie Ihre liebsten mit einem Stern, damit sie öfter vorkommen, blenden Sie unerwünschte aus oder starten Sie gleich eine.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Search by name or muscle</source>
        <translation>Nach Name oder Muskel suchen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All muscle groups</source>
        <translation>Alle Muskelgruppen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any position</source>
        <translation>Jede Position</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any equipment</source>
        <translation>Alle Hilfsmittel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Favourites only</source>
        <translation>Nur Favoriten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No exercise matches these filters.</source>
        <translation>Keine Übung passt zu diesen Filtern.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Try another muscle group or position, or a shorter search.</source>
        <translation>Versuchen Sie eine andere Muskelgruppe oder Position oder einen kürzeren Suchbegriff.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show all exercises</source>
        <translation>Alle Übungen zeigen</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>{total} exercises</source>
        <translation>{total} Übungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Showing {shown} of {total}</source>
        <translation>{shown} von {total} angezeigt</translation>
    </message>
</context>
<context>
    <name>PauseChoice</name>
    <message>
        <location filename="../core/schedule.py" line="+75"/>
        <source>30 minutes</source>
        <translation>30 Minuten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2 hours</source>
        <translation>2 Stunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until tomorrow</source>
        <translation>Bis morgen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until resumed</source>
        <translation>Bis zur Fortsetzung</translation>
    </message>
</context>
<context>
    <name>PromptFlow</name>
    <message>
        <location filename="../prompt_flow.py" line="+215"/>
        <source>Time to stand up</source>
        <translation>Zeit aufzustehen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stand up, walk a few steps, stretch.</source>
        <translation>Stehen Sie auf, gehen Sie ein paar Schritte, dehnen Sie sich.</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <location filename="../ui/settings_controller.py" line="+69"/>
        <source>&quot;%1&quot; is not a range like 09:00-17:00</source>
        <translation>„%1“ ist kein Zeitraum wie 09:00-17:00</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; is not a time of day</source>
        <translation>„%1“ ist keine Uhrzeit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; starts and ends at the same time</source>
        <translation>„%1“ beginnt und endet zur selben Zeit</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Choose at least one position, or no exercise can be suggested</source>
        <translation>Wählen Sie mindestens eine Position, sonst kann keine Übung vorgeschlagen werden</translation>
    </message>
    <message>
        <location line="+198"/>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No file manager could open the folder</source>
        <translation>Kein Dateimanager konnte den Ordner öffnen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not everything was deleted: %1</source>
        <translation>Nicht alles wurde gelöscht: %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/settings_dialog.py" line="+58"/>
        <source>Monday</source>
        <translation>Montag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tuesday</source>
        <translation>Dienstag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wednesday</source>
        <translation>Mittwoch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thursday</source>
        <translation>Donnerstag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Friday</source>
        <translation>Freitag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saturday</source>
        <translation>Samstag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sunday</source>
        <translation>Sonntag</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>%1 Settings</source>
        <translation>%1-Einstellungen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exercises</source>
        <translation>Übungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goals</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+152"/>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <location line="-151"/>
        <source>Remind me at a fixed interval</source>
        <translation>In festem Abstand erinnern</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recommended: a prompt between 45 and 60 minutes of sitting. Sitbreak waits for a pause in your typing inside that window, and asks at its end at the latest.</source>
        <translation>Empfohlen: eine Erinnerung nach 45 bis 60 Minuten Sitzen. Sitbreak wartet in diesem Zeitfenster auf eine Tipppause und fragt spätestens an seinem Ende.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Desktop notification</source>
        <translation>Desktop-Benachrichtigung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sitbreak&apos;s own pop-up</source>
        <translation>Eigenes Sitbreak-Fenster</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both</source>
        <translation>Beides</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Play a soft sound with each prompt</source>
        <translation>Bei jeder Erinnerung einen leisen Ton abspielen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ask at the latest after:</source>
        <translation>Spätestens fragen nach:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Count me as away after:</source>
        <translation>Als abwesend gelten nach:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wait for a typing pause of:</source>
        <translation>Auf eine Tipppause warten von:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Snooze for:</source>
        <translation>Verschieben um:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remind again after:</source>
        <translation>Erneut erinnern nach:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reminders per prompt:</source>
        <translation>Erinnerungen je Aufforderung:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show prompts as:</source>
        <translation>Erinnerungen zeigen als:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Prompt only during working hours</source>
        <translation>Nur während der Arbeitszeit erinnern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ranges such as &quot;09:00-12:30, 13:30-17:30&quot;; leave a day empty for a day off. A range may run past midnight (&quot;22:00-02:00&quot;).</source>
        <translation>Zeiträume wie „09:00-12:30, 13:30-17:30“; für einen freien Tag das Feld leer lassen. Ein Zeitraum darf über Mitternacht gehen („22:00-02:00“).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Day off</source>
        <translation>Frei</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hold prompts back</source>
        <translation>Erinnerungen zurückhalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>While a window is fullscreen (a film, a call, a presentation)</source>
        <translation>Solange ein Fenster im Vollbild ist (ein Film, ein Anruf, eine Präsentation)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>While the desktop is in do-not-disturb</source>
        <translation>Solange der Desktop auf „Nicht stören“ steht</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A held prompt shows as soon as that ends.</source>
        <translation>Eine zurückgehaltene Erinnerung erscheint, sobald das endet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Positions I can take</source>
        <translation>Positionen, die ich einnehmen kann</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Equipment at hand</source>
        <translation>Vorhandene Hilfsmittel</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Hidden exercises</source>
        <translation>Ausgeblendete Übungen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open the exercise library</source>
        <translation>Übungsbibliothek öffnen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Never suggested; still listed in the exercise library.</source>
        <translation>Werden nie vorgeschlagen, stehen aber weiter in der Übungsbibliothek.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>What a good day looks like; 0 leaves a goal out.</source>
        <translation>So sieht ein guter Tag aus; 0 lässt ein Ziel weg.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Walk each day:</source>
        <translation>Täglich gehen:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stretch each day:</source>
        <translation>Täglich dehnen:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Strength days:</source>
        <translation>Krafttage:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Strength at:</source>
        <translation>Krafttraining um:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start Sitbreak when I log in</source>
        <translation>Sitbreak bei der Anmeldung starten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete all data…</source>
        <translation>Alle Daten löschen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tray icon:</source>
        <translation>Symbol im Infobereich:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Automatic reads on light and dark panels alike.</source>
        <translation>„Automatisch“ ist auf hellen und dunklen Leisten gut zu erkennen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your data:</source>
        <translation>Ihre Daten:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start over:</source>
        <translation>Neu beginnen:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deletes your settings, sitting log and own exercises. This cannot be undone.</source>
        <translation>Löscht Ihre Einstellungen, Ihr Sitzprotokoll und Ihre eigenen Übungen. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Remind me every:</source>
        <translation>Erinnern alle:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Prompt window opens after:</source>
        <translation>Erinnerungsfenster öffnet nach:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Show again</source>
        <translation>Wieder zeigen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No exercise is hidden.</source>
        <translation>Keine Übung ist ausgeblendet.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Delete all data?</source>
        <translation>Alle Daten löschen?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This deletes your settings, your sitting log and your own exercises for good. Sitbreak then starts again as on the first day.</source>
        <translation>Damit werden Ihre Einstellungen, Ihr Sitzprotokoll und Ihre eigenen Übungen endgültig gelöscht. Sitbreak beginnt dann wie am ersten Tag.</translation>
    </message>
</context>
<context>
    <name>StatusWindow</name>
    <message>
        <location filename="../ui/status_window.py" line="-137"/>
        <source>Sitting clock</source>
        <translation>Sitzuhr</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Stand up now</source>
        <translation>Jetzt aufstehen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exercise library…</source>
        <translation>Übungsbibliothek…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About Sitbreak…</source>
        <translation>Über Sitbreak…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>StretchController</name>
    <message>
        <location filename="../ui/stretch_controller.py" line="+319"/>
        <source>Snooze {minutes} min</source>
        <translation>{minutes} Min. später</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Left side</source>
        <translation>Linke Seite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Right side</source>
        <translation>Rechte Seite</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Set {number} of {sets}</source>
        <translation>Satz {number} von {sets}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Get into position</source>
        <translation>In Position gehen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Switch sides</source>
        <translation>Seite wechseln</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rest</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next: {set}</source>
        <translation>Als Nächstes: {set}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1 rep · take your time, about {pace} s</source>
        <translation>1 Wiederholung · in Ruhe, etwa {pace} s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{reps} reps · take your time, about {pace} s each</source>
        <translation>{reps} Wiederholungen · in Ruhe, je etwa {pace} s</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Well done</source>
        <translation>Gut gemacht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Press Done when you are ready.</source>
        <translation>Klicken Sie auf „Fertig“, wenn Sie so weit sind.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All sets done</source>
        <translation>Alle Sätze geschafft</translation>
    </message>
</context>
<context>
    <name>StretchWindow</name>
    <message>
        <location filename="../ui/stretch_window.py" line="+297"/>
        <source>Take care</source>
        <translation>Bitte beachten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not this time</source>
        <translation>Diesmal nicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask me again a little later</source>
        <translation>Etwas später noch einmal fragen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another one</source>
        <translation>Eine andere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggest a different movement</source>
        <translation>Eine andere Übung vorschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I did it (Enter)</source>
        <translation>Geschafft (Eingabetaste)</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Stretch: {name} — {app}</source>
        <translation>Übung: {name} — {app}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Works: {muscles}</source>
        <translation>Trainiert: {muscles}</translation>
    </message>
</context>
<context>
    <name>Toast</name>
    <message>
        <location filename="../ui/toast.py" line="+98"/>
        <source>Sitbreak: time to stand up</source>
        <translation>Sitbreak: Zeit aufzustehen</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+1"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the stretch</source>
        <translation>Übung zeigen</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Snooze {minutes} min</source>
        <translation>{minutes} Min. später</translation>
    </message>
</context>
<context>
    <name>TrayView</name>
    <message>
        <location filename="../ui/tray.py" line="+58"/>
        <source>Stand up now</source>
        <translation>Jetzt aufstehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exercise library…</source>
        <translation>Übungsbibliothek…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About Sitbreak…</source>
        <translation>Über Sitbreak…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>describe</name>
    <message>
        <location filename="../core/describe.py" line="+27"/>
        <source>&lt;1 min</source>
        <translation>&lt;1 Min.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{minutes} min</source>
        <translation>{minutes} Min.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{hours} h {minutes:02d} min</source>
        <translation>{hours} Std. {minutes:02d} Min.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sitting {duration}</source>
        <translation>Seit {duration} sitzend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sitting {duration}</source>
        <translation>seit {duration} sitzend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stand-up in ~{duration}</source>
        <translation>aufstehen in ~{duration}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stand-up in &lt;1 min</source>
        <translation>aufstehen in &lt;1 Min.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time to stand up</source>
        <translation>Zeit aufzustehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snoozed</source>
        <translation>Verschoben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stretch break: the sitting clock waits</source>
        <translation>Bewegungspause: die Sitzuhr wartet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Away — the sitting clock restarts when you&apos;re back</source>
        <translation>Abwesend — die Sitzuhr beginnt neu, wenn Sie zurück sind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused until {time}</source>
        <translation>Pausiert bis {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused until tomorrow {time}</source>
        <translation>Pausiert bis morgen {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused until {day} {time}</source>
        <translation>Pausiert bis {day} {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused until resumed</source>
        <translation>Pausiert bis zur Fortsetzung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outside working hours</source>
        <translation>Außerhalb der Arbeitszeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>estimated</source>
        <translation>geschätzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>estimated (no idle detection)</source>
        <translation>geschätzt (keine Leerlauferkennung)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>So</translation>
    </message>
</context>
<context>
    <name>exercise</name>
    <message>
        <location filename="../core/exercise.py" line="+113"/>
        <source>Stretch</source>
        <translation>Dehnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activation</source>
        <translation>Aktivierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strength</source>
        <translation>Kraft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mobility</source>
        <translation>Mobilität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk</source>
        <translation>Gehen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Standing</source>
        <translation>Im Stehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seated</source>
        <translation>Im Sitzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On the floor</source>
        <translation>Am Boden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chair</source>
        <translation>Stuhl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desk</source>
        <translation>Schreibtisch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wall</source>
        <translation>Wand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resistance band</source>
        <translation>Widerstandsband</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kettlebell</source>
        <translation>Kettlebell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Foam roller</source>
        <translation>Faszienrolle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tennis ball</source>
        <translation>Tennisball</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mat</source>
        <translation>Matte</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+8"/>
        <source>Glutes</source>
        <translation>Gesäß</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+8"/>
        <source>Hamstrings</source>
        <translation>Hintere Oberschenkel</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Calves and ankles</source>
        <translation>Waden und Knöchel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lower back</source>
        <translation>Unterer Rücken</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>Hip flexors</source>
        <translation>Hüftbeuger</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>Quads</source>
        <translation>Vordere Oberschenkel</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Calves</source>
        <translation>Waden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ankles</source>
        <translation>Knöchel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lower back (erector spinae)</source>
        <translation>Unterer Rücken (Rückenstrecker)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inner thighs</source>
        <translation>Innere Oberschenkel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outer hips</source>
        <translation>Äußere Hüfte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Core</source>
        <translation>Rumpf</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{reps} reps</source>
        <translation>{reps} Wiederholungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 rep</source>
        <translation>1 Wiederholung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{reps} reps each side</source>
        <translation>{reps} Wiederholungen je Seite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 rep each side</source>
        <translation>1 Wiederholung je Seite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{seconds} s hold</source>
        <translation>{seconds} s halten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{seconds} s each side</source>
        <translation>{seconds} s je Seite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{sets} × {amount}</source>
        <translation>{sets} × {amount}</translation>
    </message>
</context>
<context>
    <name>human</name>
    <message>
        <location filename="../settings/human.py" line="+21"/>
        <source>Between {low} and {high} minutes</source>
        <translation>Zwischen {low} und {high} Minuten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Between {low} and {high} seconds</source>
        <translation>Zwischen {low} und {high} Sekunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Between {low} and {high}</source>
        <translation>Zwischen {low} und {high}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{low}–{high} min is recommended: shorter windows mean more interruptions for little extra movement</source>
        <translation>{low}–{high} Min. werden empfohlen: kürzere Abstände bedeuten mehr Unterbrechungen für wenig zusätzliche Bewegung</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Not before the start of the prompt window</source>
        <translation>Nicht vor dem Beginn des Erinnerungsfensters</translation>
    </message>
</context>
<context>
    <name>platform</name>
    <message>
        <source>Idle time unavailable ({reason}): desk time is estimated</source>
        <translation type="vanished">Leerlaufzeit nicht verfügbar ({reason}): die Zeit am Schreibtisch wird geschätzt</translation>
    </message>
    <message>
        <source>Sleep is not announced: it is noticed after resume, from the clock</source>
        <translation type="vanished">Der Ruhezustand wird nicht angekündigt: er wird nach dem Aufwachen an der Uhr erkannt</translation>
    </message>
    <message>
        <source>Screen lock is not detected: a locked screen counts as idle time</source>
        <translation type="vanished">Die Bildschirmsperre wird nicht erkannt: ein gesperrter Bildschirm zählt als Leerlauf</translation>
    </message>
    <message>
        <source>No idle source on this system yet: desk time is estimated</source>
        <translation type="vanished">Auf diesem System gibt es noch keine Leerlaufquelle: die Zeit am Schreibtisch wird geschätzt</translation>
    </message>
    <message>
        <source>No idle source on Wayland yet: desk time is estimated</source>
        <translation type="vanished">Unter Wayland gibt es noch keine Leerlaufquelle: die Zeit am Schreibtisch wird geschätzt</translation>
    </message>
    <message>
        <source>No display found: desk time is estimated</source>
        <translation type="vanished">Keine Anzeige gefunden: die Zeit am Schreibtisch wird geschätzt</translation>
    </message>
</context>
</TS>
