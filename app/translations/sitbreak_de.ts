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
        <location filename="../ui/status_window.py" line="+222"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../ui/charts.py" line="+65"/>
        <source>0 min</source>
        <translation>0 Min.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>under 1 min</source>
        <translation>unter 1 Min.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+804"/>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <location line="-803"/>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>under 30 min</source>
        <translation>unter 30 Min.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+639"/>
        <location line="+17"/>
        <source>30–60 min</source>
        <translation>30–60 Min.</translation>
    </message>
    <message>
        <location line="-655"/>
        <location line="+639"/>
        <location line="+17"/>
        <source>over 60 min</source>
        <translation>über 60 Min.</translation>
    </message>
    <message>
        <location line="-649"/>
        <source>done: you stood up</source>
        <translation>erledigt: Sie sind aufgestanden</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+637"/>
        <source>snoozed</source>
        <translation>verschoben</translation>
    </message>
    <message>
        <location line="-636"/>
        <location line="+637"/>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <location line="-636"/>
        <source>dismissed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>followed by a break</source>
        <translation>danach eine Pause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not answered</source>
        <translation>unbeantwortet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reminders paused</source>
        <translation>Erinnerungen pausiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sitbreak quit</source>
        <translation>Sitbreak beendet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>waiting for an answer</source>
        <translation>wartet auf Antwort</translation>
    </message>
    <message>
        <location line="+308"/>
        <source>Timeline of the day</source>
        <translation>Zeitleiste des Tages</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>%1 · %2, %3</source>
        <translation>%1 · %2, %3</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>%1 · sat %2</source>
        <translation>%1 · %2 gesessen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (the whole bout: %1)</source>
        <translation> (die ganze Sitzphase: %1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 · away from the desk %2</source>
        <translation>%1 · %2 nicht am Schreibtisch</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 · not tracked: Sitbreak was not running</source>
        <translation>%1 · nicht erfasst: Sitbreak lief nicht</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 · prompt after %2 sitting · %3</source>
        <translation>%1 · Erinnerung nach %2 Sitzen · %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, reminded once</source>
        <translation>, einmal erneut erinnert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, reminded %1 times</source>
        <translation>, %1-mal erneut erinnert</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Sitting under 30 min</source>
        <translation>Sitzen unter 30 Min.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Away</source>
        <translation>Abwesend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not tracked</source>
        <translation>Nicht erfasst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk</source>
        <translation>Gehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exercise or routine</source>
        <translation>Übung oder Programm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompt followed</source>
        <translation>Erinnerung befolgt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>other</source>
        <translation>andere</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bouts under 30 min</source>
        <translation>Sitzphasen unter 30 Min.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Average bout</source>
        <translation>Sitzphase im Schnitt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest bout</source>
        <translation>Längste Sitzphase</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1: not tracked</source>
        <translation>%1: nicht erfasst</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: desk %2</source>
        <translation>%1: %2 am Schreibtisch</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 bouts, longest %2</source>
        <translation>%1 Sitzphasen, längste %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Desk time per day</source>
        <translation>Zeit am Schreibtisch pro Tag</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>%1: daily goals not recorded</source>
        <translation>%1: Tagesziele nicht erfasst</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: daily goals met</source>
        <translation>%1: Tagesziele erreicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: daily goals not met</source>
        <translation>%1: Tagesziele nicht erreicht</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Average and longest bout per day</source>
        <translation>Durchschnittliche und längste Sitzphase pro Tag</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1: average bout %2, longest %3 (%4 bouts)</source>
        <translation>%1: Sitzphase im Schnitt %2, längste %3 (%4 Sitzphasen)</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Exercises per muscle group</source>
        <translation>Übungen pro Muskelgruppe</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1: no exercise</source>
        <translation>%1: keine Übung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: 1 exercise</source>
        <translation>%1: 1 Übung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 exercises</source>
        <translation>%1: %2 Übungen</translation>
    </message>
</context>
<context>
    <name>CoachFlow</name>
    <message>
        <location filename="../coach_flow.py" line="+78"/>
        <source>Routine not found</source>
        <translation>Programm nicht gefunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no routine &quot;{id}&quot;.</source>
        <translation>Es gibt kein Programm „{id}“.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The routine cannot start</source>
        <translation>Das Programm lässt sich nicht starten</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Squats, deadlifts, lunges and more.</source>
        <translation>Kniebeugen, Kreuzheben, Ausfallschritte und mehr.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Strength day</source>
        <translation>Krafttag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the routine</source>
        <translation>Programm starten</translation>
    </message>
</context>
<context>
    <name>CoachMenu</name>
    <message>
        <location filename="../ui/coach_menu.py" line="+25"/>
        <source>Today…</source>
        <translation>Heute…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Routines</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Statistics…</source>
        <translation>Statistik…</translation>
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
        <location filename="../platform/notify_freedesktop.py" line="+139"/>
        <source>Show the stretch</source>
        <translation>Übung zeigen</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location filename="../prompt_flow.py" line="+274"/>
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
    <name>RoutineController</name>
    <message>
        <location filename="../ui/routine_controller.py" line="+274"/>
        <source>Exercise {number} of {count}</source>
        <translation>Übung {number} von {count}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{time} left in the routine</source>
        <translation>Noch {time} im Programm</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Routine complete</source>
        <translation>Programm abgeschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{minutes} min of movement</source>
        <translation>{minutes} Min. Bewegung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Well done</source>
        <translation>Gut gemacht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All done</source>
        <translation>Alles geschafft</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Paused · press Space to go on</source>
        <translation>Pausiert · weiter mit der Leertaste</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+8"/>
        <source>Rest</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Next up: {name}</source>
        <translation>Als Nächstes: {name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Get into position</source>
        <translation>In Position gehen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Switch sides</source>
        <translation>Seite wechseln</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>Next: {where}</source>
        <translation>Als Nächstes: {where}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 rep · slowly, about {pace} s</source>
        <translation>1 Wiederholung · langsam, etwa {pace} s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{reps} reps · about {pace} s each</source>
        <translation>{reps} Wiederholungen · je etwa {pace} s</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Set {number} of {sets}</source>
        <translation>Satz {number} von {sets}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Left side</source>
        <translation>Linke Seite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Right side</source>
        <translation>Rechte Seite</translation>
    </message>
</context>
<context>
    <name>RoutineWindow</name>
    <message>
        <location filename="../ui/routine_window.py" line="+166"/>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the exercise before (Left arrow)</source>
        <translation>Zurück zur vorigen Übung (Pfeil links)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip ahead to the next exercise (Right arrow)</source>
        <translation>Zur nächsten Übung springen (Pfeil rechts)</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>{routine} — {app}</source>
        <translation>{routine} — {app}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{place} · {dose}</source>
        <translation>{place} · {dose}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go on (Space)</source>
        <translation>Weitermachen (Leertaste)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the clock for a moment (Space)</source>
        <translation>Die Uhr kurz anhalten (Leertaste)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the window (Esc)</source>
        <translation>Fenster schließen (Esc)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End the routine here (Esc)</source>
        <translation>Programm hier beenden (Esc)</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <location filename="../ui/settings_controller.py" line="+74"/>
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
        <location line="+214"/>
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
        <location filename="../ui/settings_dialog.py" line="+63"/>
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
        <location line="+3"/>
        <source>Summaries</source>
        <translation>Zusammenfassungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sum up my day at the end of working hours</source>
        <translation>Meinen Tag am Ende der Arbeitszeit zusammenfassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sum up my week on the last working day</source>
        <translation>Meine Woche am letzten Arbeitstag zusammenfassen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A quiet notification with desk time, the longest sitting stretch, stand-ups and minutes walked and stretched (at 18:00 when working hours are off). Clicking it opens the statistics.</source>
        <translation>Eine dezente Benachrichtigung mit der Zeit am Schreibtisch, der längsten Sitzphase, wie oft Sie aufgestanden sind, und den Minuten Gehen und Dehnen (um 18:00, wenn die Arbeitszeit ausgeschaltet ist). Ein Klick darauf öffnet die Statistik.</translation>
    </message>
    <message>
        <location line="+10"/>
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
        <location line="+4"/>
        <source>Forever</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the last</source>
        <translation>Nur die letzten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tray icon:</source>
        <translation>Symbol im Infobereich:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Automatic reads on light and dark panels alike.</source>
        <translation>„Automatisch“ ist auf hellen und dunklen Leisten gut zu erkennen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep history:</source>
        <translation>Verlauf aufbewahren:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Older days are deleted once a day. Statistics cannot show what is no longer kept.</source>
        <translation>Ältere Tage werden einmal täglich gelöscht. Die Statistik kann nicht zeigen, was nicht mehr aufbewahrt wird.</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location line="+26"/>
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
    <name>Statistics</name>
    <message>
        <location filename="../bootstrap.py" line="+533"/>
        <source>Open Today</source>
        <translation>„Heute“ öffnen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open the week</source>
        <translation>Woche öffnen</translation>
    </message>
</context>
<context>
    <name>StatsController</name>
    <message>
        <location filename="../ui/stats_controller.py" line="+63"/>
        <source>CSV, for spreadsheets (*.csv)</source>
        <translation>CSV, für Tabellenkalkulationen (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export statistics</source>
        <translation>Statistik exportieren</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>The statistics could not be read: %1</source>
        <translation>Die Statistik konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Not exported: %1</source>
        <translation>Nicht exportiert: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Nothing tracked yet today: statistics fill in as you work.</source>
        <translation>Heute wurde noch nichts erfasst: die Statistik füllt sich, während Sie arbeiten.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sitbreak was not running on this day.</source>
        <translation>Sitbreak lief an diesem Tag nicht.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No history yet: statistics fill in as you work.</source>
        <translation>Noch kein Verlauf: die Statistik füllt sich, während Sie arbeiten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sitbreak was not running in this week.</source>
        <translation>Sitbreak lief in dieser Woche nicht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sitbreak was not running in this month.</source>
        <translation>Sitbreak lief in diesem Monat nicht.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Today, %1</source>
        <translation>Heute, %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yesterday, %1</source>
        <translation>Gestern, %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Week of %1 – %2</source>
        <translation>Woche %1 – %2</translation>
    </message>
</context>
<context>
    <name>StatsWindow</name>
    <message>
        <location filename="../ui/stats_window.py" line="+129"/>
        <source>Desk time</source>
        <translation>Zeit am Schreibtisch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sitting bouts</source>
        <translation>Sitzphasen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest bout</source>
        <translation>Längste Sitzphase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stand-ups per hour</source>
        <translation>Aufgestanden pro Stunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompts followed</source>
        <translation>Erinnerungen befolgt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walked and stretched</source>
        <translation>Gegangen und gedehnt</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Up and about during working hours</source>
        <translation>Auf den Beinen während der Arbeitszeit</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Guideline for desk workers: build up to 2 h a day of standing and light activity during working hours, then 4 h (Buckley et al., “The sedentary office”, Br J Sports Med 2015). Breaks, walks and exercises count.</source>
        <translation>Richtwert für die Arbeit am Schreibtisch: während der Arbeitszeit nach und nach auf 2 Std. Stehen und leichte Bewegung am Tag kommen, später auf 4 Std. (Buckley et al., „The sedentary office“, Br J Sports Med 2015). Pausen, Spaziergänge und Übungen zählen mit.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no prompt</source>
        <translation>keine Erinnerung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No tracked working hours on this day.</source>
        <translation>An diesem Tag wurde keine Arbeitszeit erfasst.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 of the first 2 h</source>
        <translation>%1 von den ersten 2 Std.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: past 2 h, on the way to 4 h</source>
        <translation>%1: über 2 Std., auf dem Weg zu 4 Std.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the full 4 h</source>
        <translation>%1: die vollen 4 Std.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (%1% of %2 tracked working time)</source>
        <translation> (%1 % von %2 erfasster Arbeitszeit)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Under the days: ● daily goals met, ○ not met, – not recorded.</source>
        <translation>Unter den Tagen: ● Tagesziele erreicht, ○ nicht erreicht, – nicht erfasst.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Muscle groups worked this week</source>
        <translation>Diese Woche trainierte Muskelgruppen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Muscle groups worked this month</source>
        <translation>Diesen Monat trainierte Muskelgruppen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Desk time per day</source>
        <translation>Zeit am Schreibtisch pro Tag</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bout length</source>
        <translation>Länge der Sitzphasen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Desk time %1 over %2 tracked days</source>
        <translation>%1 am Schreibtisch an %2 erfassten Tagen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>longest bout %1</source>
        <translation>längste Sitzphase %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>daily goals met on %1 of %2 days</source>
        <translation>Tagesziele an %1 von %2 Tagen erreicht</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 Statistics</source>
        <translation>%1-Statistik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>◀ Previous</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+Left</source>
        <translation>Alt+Links</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+Right</source>
        <translation>Alt+Rechts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
</context>
<context>
    <name>StatusWindow</name>
    <message>
        <location filename="../ui/status_window.py" line="-147"/>
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
        <location line="+4"/>
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
    <name>StorageTrouble</name>
    <message>
        <location filename="../storage/health.py" line="+32"/>
        <source>Sitbreak cannot write its sitting log: {cause}. Reminders go on; what happens meanwhile is kept and written once the log can be written again.</source>
        <translation>Sitbreak kann sein Sitzprotokoll nicht schreiben: {cause}. Die Erinnerungen gehen weiter; was inzwischen geschieht, wird aufbewahrt und geschrieben, sobald das Protokoll wieder geschrieben werden kann.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the disk is full</source>
        <translation>der Datenträger ist voll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its folder is read-only</source>
        <translation>sein Ordner ist schreibgeschützt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>another program holds the database locked</source>
        <translation>ein anderes Programm hält die Datenbank gesperrt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its file cannot be opened for writing</source>
        <translation>seine Datei lässt sich nicht zum Schreiben öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the database reported “{problem}”</source>
        <translation>die Datenbank meldete „{problem}“</translation>
    </message>
</context>
<context>
    <name>StretchController</name>
    <message>
        <location filename="../ui/stretch_controller.py" line="+211"/>
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
        <location filename="../ui/stretch_window.py" line="+293"/>
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
        <location line="+64"/>
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
        <location filename="../ui/toast.py" line="+101"/>
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
        <location line="+42"/>
        <source>Show the stretch</source>
        <translation>Übung zeigen</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Snooze {minutes} min</source>
        <translation>{minutes} Min. später</translation>
    </message>
</context>
<context>
    <name>TodayController</name>
    <message>
        <location filename="../ui/today_controller.py" line="+53"/>
        <source>Glute wake-up</source>
        <translation>Gesäß aufwecken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Five minutes that switch the glutes back on after sitting</source>
        <translation>Fünf Minuten, die die Gesäßmuskeln nach dem Sitzen wieder aktivieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Daily posterior-chain stretch</source>
        <translation>Tägliches Dehnen der Körperrückseite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The day&apos;s stretches for hamstrings, calves, hips and back</source>
        <translation>Die Dehnübungen des Tages für hintere Oberschenkel, Waden, Hüfte und Rücken</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Strength day</source>
        <translation>Krafttag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Squats, deadlifts, lunges, band abductions and leg lifts</source>
        <translation>Kniebeugen, Kreuzheben, Ausfallschritte, Abduktionen mit Band und Beinheben</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Today&apos;s activity could not be read from the log.</source>
        <translation>Die heutige Aktivität konnte nicht aus dem Protokoll gelesen werden.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A walk needs at least one minute.</source>
        <translation>Ein Spaziergang muss mindestens eine Minute dauern.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The walk could not be saved: {problem}</source>
        <translation>Der Spaziergang konnte nicht gespeichert werden: {problem}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>dddd, d MMMM</source>
        <translation>dddd, d. MMMM</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Glutes woken up today</source>
        <translation>Gesäß heute aufgeweckt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Glutes not woken up yet: a bridge, a clamshell or a march will do</source>
        <translation>Gesäß noch nicht aufgeweckt: eine Brücke, ein Clamshell oder Marschieren genügt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing yet today: a walk or a stretch counts here.</source>
        <translation>Heute noch nichts: Gehen oder Dehnen zählt hier.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{done} min (no goal)</source>
        <translation>{done} Min. (kein Ziel)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{done} of {goal} min</source>
        <translation>{done} von {goal} Min.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Strength work done today</source>
        <translation>Krafttraining heute erledigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Strength day today: not done yet</source>
        <translation>Heute ist Krafttag: noch nicht erledigt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No strength days planned (choose them in the settings)</source>
        <translation>Keine Krafttage geplant (in den Einstellungen wählen)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No strength work planned today; next: {weekday}</source>
        <translation>Heute kein Krafttraining geplant; nächstes: {weekday}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No streak yet: meet today&apos;s goals to start one</source>
        <translation>Noch keine Tage in Folge: Erreichen Sie heute Ihre Ziele, um damit anzufangen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 day in a row</source>
        <translation>1 Tag in Folge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{days} days in a row</source>
        <translation>{days} Tage in Folge</translation>
    </message>
</context>
<context>
    <name>TodayWindow</name>
    <message>
        <location filename="../ui/today_window.py" line="+89"/>
        <source>Today — {app}</source>
        <translation>Heute — {app}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Walking today</source>
        <translation>Heute gegangen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes walked</source>
        <translation>Gegangene Minuten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add walk</source>
        <translation>Spaziergang eintragen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log a walk that just ended</source>
        <translation>Einen gerade beendeten Spaziergang eintragen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stretching today</source>
        <translation>Heute gedehnt</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Walking</source>
        <translation>Gehen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Walked just now:</source>
        <translation>Eben gegangen:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stretching</source>
        <translation>Dehnen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Start a routine</source>
        <translation>Programm starten</translation>
    </message>
</context>
<context>
    <name>TrayView</name>
    <message>
        <location filename="../ui/tray.py" line="+64"/>
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
        <location line="+4"/>
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
        <location filename="../core/exercise.py" line="+114"/>
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
        <source>Between {low} and {high} days</source>
        <translation>Zwischen {low} und {high} Tagen</translation>
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
        <location line="+64"/>
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
<context>
    <name>summary</name>
    <message>
        <location filename="../core/summary.py" line="+20"/>
        <source>Your day: {duration} at the desk</source>
        <translation>Ihr Tag: {duration} am Schreibtisch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your week: {duration} at the desk</source>
        <translation>Ihre Woche: {duration} am Schreibtisch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest sitting stretch: {duration}</source>
        <translation>Längste Sitzphase: {duration}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest sitting stretch: {longest} (on average {average})</source>
        <translation>Längste Sitzphase: {longest} (im Schnitt {average})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You did not stand up from the desk</source>
        <translation>Sie sind nicht vom Schreibtisch aufgestanden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stood up once</source>
        <translation>Einmal aufgestanden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stood up {count} times</source>
        <translation>{count}-mal aufgestanden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walked {walked}, stretched {stretched}</source>
        <translation>{walked} gegangen, {stretched} gedehnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily goals met on {met} of {closed} days</source>
        <translation>Tagesziele an {met} von {closed} Tagen erreicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not worked this week: {groups}</source>
        <translation>Diese Woche nicht trainiert: {groups}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>0 min</source>
        <translation>0 Min.</translation>
    </message>
</context>
</TS>
