<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Screenpop for SuperOffice</source>
        <translation>Screenpop für SuperOffice</translation>
    </message>
    <message>
        <source>The caller&apos;s SuperOffice contact summary, the moment the phone rings.</source>
        <translation>Die SuperOffice-Übersicht zum Anrufer – in dem Moment, in dem das Telefon klingelt.</translation>
    </message>
    <message>
        <source>About Screenpop</source>
        <translation>Über Screenpop</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>AddPersonDialog</name>
    <message>
        <source>Add to SuperOffice</source>
        <translation>Zu SuperOffice hinzufügen</translation>
    </message>
    <message>
        <source>Type to find the company</source>
        <translation>Tippen, um die Firma zu finden</translation>
    </message>
    <message>
        <source>Office phone</source>
        <translation>Bürotelefon</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobiltelefon</translation>
    </message>
    <message>
        <source>Open in SuperOffice</source>
        <translation>In SuperOffice öffnen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>File as</source>
        <translation>Speichern als</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Wird hinzugefügt…</translation>
    </message>
    <message>
        <source>Give the caller&apos;s first or last name.</source>
        <translation>Geben Sie den Vor- oder Nachnamen des Anrufers an.</translation>
    </message>
    <message>
        <source>Choose the caller&apos;s company from the list.</source>
        <translation>Wählen Sie die Firma des Anrufers aus der Liste.</translation>
    </message>
    <message>
        <source>This is not a phone number SuperOffice can store (+47 22 33 44 55).</source>
        <translation>Das ist keine Telefonnummer, die SuperOffice speichern kann (+47 22 33 44 55).</translation>
    </message>
</context>
<context>
    <name>CallLogging</name>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 Min. %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Outgoing call to %1 (%2)</source>
        <translation>Ausgehender Anruf an %1 (%2)</translation>
    </message>
    <message>
        <source>Outgoing call to %1, not answered</source>
        <translation>Ausgehender Anruf an %1, nicht angenommen</translation>
    </message>
    <message>
        <source>Incoming call from %1 (%2)</source>
        <translation>Eingehender Anruf von %1 (%2)</translation>
    </message>
    <message>
        <source>Missed call from %1</source>
        <translation>Verpasster Anruf von %1</translation>
    </message>
    <message>
        <source>%1; its end was not reported</source>
        <translation>%1; das Ende wurde nicht gemeldet</translation>
    </message>
    <message>
        <source>Note on the call with %1</source>
        <translation>Notiz zum Anruf mit %1</translation>
    </message>
</context>
<context>
    <name>CallNoteEditor</name>
    <message>
        <source>The note goes into SuperOffice with the call.</source>
        <translation>Die Notiz kommt mit dem Anruf in SuperOffice.</translation>
    </message>
    <message>
        <source>Not logged yet.</source>
        <translation>Noch nicht protokolliert.</translation>
    </message>
    <message>
        <source>Waiting to be logged in SuperOffice…</source>
        <translation>Wartet auf die Protokollierung in SuperOffice…</translation>
    </message>
    <message>
        <source>Logged in SuperOffice.</source>
        <translation>In SuperOffice protokolliert.</translation>
    </message>
    <message>
        <source>SuperOffice did not take it: %1</source>
        <translation>SuperOffice hat es nicht angenommen: %1</translation>
    </message>
    <message>
        <source>Not logged.</source>
        <translation>Nicht protokolliert.</translation>
    </message>
    <message>
        <source>Note for SuperOffice…</source>
        <translation>Notiz für SuperOffice…</translation>
    </message>
    <message>
        <source>Log call</source>
        <translation>Anruf protokollieren</translation>
    </message>
    <message>
        <source>Log this call in SuperOffice, with the note</source>
        <translation>Diesen Anruf mit der Notiz in SuperOffice protokollieren</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Notes keep %1 characters; the rest was left out.</source>
        <translation>Notizen behalten %1 Zeichen; der Rest wurde weggelassen.</translation>
    </message>
</context>
<context>
    <name>CallServices</name>
    <message>
        <source>Call logs waiting: %1</source>
        <translation>Wartende Anrufprotokolle: %1</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>abgelehnt: %1</translation>
    </message>
    <message>
        <source>not logged yet: %1</source>
        <translation>noch nicht protokolliert: %1</translation>
    </message>
    <message>
        <source>sign-in needed</source>
        <translation>Anmeldung nötig</translation>
    </message>
    <message>
        <source>SuperOffice cannot be reached</source>
        <translation>SuperOffice ist nicht erreichbar</translation>
    </message>
    <message>
        <source>Call logging</source>
        <translation>Anrufprotokoll</translation>
    </message>
    <message>
        <source>Cannot call %1</source>
        <translation>%1 kann nicht angerufen werden</translation>
    </message>
</context>
<context>
    <name>CallToast</name>
    <message>
        <source>Ringing…</source>
        <translation>Klingelt…</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Missed call</source>
        <translation>Verpasster Anruf</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close all</source>
        <translation>Alle schließen</translation>
    </message>
    <message>
        <source>Dismiss every pop</source>
        <translation>Alle Pop-ups schließen</translation>
    </message>
    <message>
        <source>Call from %1 — Screenpop</source>
        <translation>Anruf von %1 — Screenpop</translation>
    </message>
    <message>
        <source>Open the contact</source>
        <translation>Kontakt öffnen</translation>
    </message>
    <message numerus="yes">
        <source>%n possible caller(s)</source>
        <translation>
            <numerusform>%n möglicher Anrufer</numerusform>
            <numerusform>%n mögliche Anrufer</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Unbekannter Anrufer</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>Search the contacts for this number</source>
        <translation>Kontakte nach dieser Nummer durchsuchen</translation>
    </message>
    <message>
        <source>Looking up in SuperOffice…</source>
        <translation>Suche in SuperOffice…</translation>
    </message>
    <message>
        <source>Not found in SuperOffice</source>
        <translation>Nicht in SuperOffice gefunden</translation>
    </message>
    <message>
        <source>Could not look up: %1</source>
        <translation>Nachschlagen nicht möglich: %1</translation>
    </message>
    <message>
        <source>Add to SuperOffice…</source>
        <translation>Zu SuperOffice hinzufügen…</translation>
    </message>
    <message>
        <source>Add this caller to SuperOffice as a new person</source>
        <translation>Diesen Anrufer als neue Person zu SuperOffice hinzufügen</translation>
    </message>
</context>
<context>
    <name>CallerPicker</name>
    <message>
        <source>The people this number belongs to</source>
        <translation>Die Personen, zu denen diese Nummer gehört</translation>
    </message>
    <message>
        <source>Who called?</source>
        <translation>Wer hat angerufen?</translation>
    </message>
</context>
<context>
    <name>ChoiceRow</name>
    <message>
        <source>Main number</source>
        <translation>Hauptnummer</translation>
    </message>
</context>
<context>
    <name>Chooser</name>
    <message numerus="yes">
        <source>Filter %n people</source>
        <translation>
            <numerusform>%n Person filtern</numerusform>
            <numerusform>%n Personen filtern</numerusform>
        </translation>
    </message>
    <message>
        <source>No one by that name</source>
        <translation>Niemand mit diesem Namen</translation>
    </message>
</context>
<context>
    <name>ContactHeader</name>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Web site</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Org. number</source>
        <translation>Firmennummer</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Our contact</source>
        <translation>Unser Kontakt</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Anrufer</translation>
    </message>
    <message>
        <source>Call this number</source>
        <translation>Diese Nummer anrufen</translation>
    </message>
</context>
<context>
    <name>ContactWindow</name>
    <message>
        <source>Showing the summary as it was last loaded; Retry to update it.</source>
        <translation>Die Übersicht wird so gezeigt, wie sie zuletzt geladen wurde; „Erneut versuchen“ aktualisiert sie.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Filter (Ctrl+F)</source>
        <translation>Filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Company details unavailable</source>
        <translation>Firmendaten nicht verfügbar</translation>
    </message>
    <message numerus="yes">
        <source>· %n item(s) could not be read</source>
        <translation>
            <numerusform>· %n Eintrag konnte nicht gelesen werden</numerusform>
            <numerusform>· %n Einträge konnten nicht gelesen werden</numerusform>
        </translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation>Firma %1</translation>
    </message>
    <message>
        <source>Updated %1 · refreshing…</source>
        <translation>Aktualisiert %1 · wird aktualisiert…</translation>
    </message>
    <message>
        <source>Last updated %1</source>
        <translation>Zuletzt aktualisiert %1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Aktualisiert %1</translation>
    </message>
</context>
<context>
    <name>ContactWindows</name>
    <message>
        <source>SuperOffice has no contact %1: it may have been deleted or merged.</source>
        <translation>SuperOffice hat keine Firma %1: Sie wurde vielleicht gelöscht oder zusammengeführt.</translation>
    </message>
</context>
<context>
    <name>FindDialog</name>
    <message>
        <source>Type a name or number</source>
        <translation>Namen oder Nummer eingeben</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>Search is not available right now</source>
        <translation>Die Suche ist gerade nicht verfügbar</translation>
    </message>
    <message>
        <source>Find contact — Screenpop</source>
        <translation>Kontakt suchen — Screenpop</translation>
    </message>
    <message>
        <source>Name, company or phone number</source>
        <translation>Name, Firma oder Telefonnummer</translation>
    </message>
    <message>
        <source>Call the chosen number (Ctrl+Enter)</source>
        <translation>Die gewählte Nummer anrufen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>%1 anrufen</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Anrufen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Screenpop</source>
        <translation>Willkommen bei Screenpop</translation>
    </message>
    <message>
        <source>When the phone rings, Screenpop shows who is calling, with their company&apos;s tickets, follow-ups and sales from SuperOffice. Tell it where your SuperOffice is and how you sign in.</source>
        <translation>Wenn das Telefon klingelt, zeigt Screenpop, wer anruft – mit den Tickets, Folgeaufgaben und Verkäufen der Firma aus SuperOffice. Geben Sie an, wo Ihr SuperOffice zu finden ist und wie Sie sich anmelden.</translation>
    </message>
    <message>
        <source>Try the demo instead</source>
        <translation>Stattdessen die Demo ausprobieren</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Home region</source>
        <translation>Land</translation>
    </message>
</context>
<context>
    <name>LinkLabel</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>There is no system tray on this desktop, so Screenpop shows this window instead. It keeps running when the window is closed: start Screenpop again to bring it back.</source>
        <translation>Dieser Desktop hat keinen Infobereich, deshalb zeigt Screenpop stattdessen dieses Fenster. Screenpop läuft weiter, wenn das Fenster geschlossen wird: Starten Sie Screenpop erneut, um es zurückzuholen.</translation>
    </message>
    <message>
        <source>Find contact…</source>
        <translation>Kontakt suchen…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Recent calls</source>
        <translation>Letzte Anrufe</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Über %1</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Syncing caller IDs…</source>
        <translation>Rufnummern werden synchronisiert…</translation>
    </message>
    <message>
        <source>Offline: cached caller IDs still work</source>
        <translation>Offline: gespeicherte Rufnummern funktionieren weiter</translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation>Anmeldung erforderlich</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Waiting to be sent</source>
        <translation>Wartet auf das Senden</translation>
    </message>
    <message>
        <source>Not logged yet</source>
        <translation>Noch nicht protokolliert</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Sent; a newer note is on its way</source>
        <translation>Gesendet; eine neuere Notiz ist unterwegs</translation>
    </message>
    <message>
        <source>Call logs — Screenpop</source>
        <translation>Anrufprotokolle — Screenpop</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokollieren</translation>
    </message>
    <message>
        <source>No call logs are waiting.</source>
        <translation>Es warten keine Anrufprotokolle.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Do not log this call in SuperOffice</source>
        <translation>Diesen Anruf nicht in SuperOffice protokollieren</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>RegionCombo</name>
    <message>
        <source>As the system says (%1)</source>
        <translation>Wie im System (%1)</translation>
    </message>
</context>
<context>
    <name>ScreenpopApp</name>
    <message>
        <source>Sign-in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Softphone</source>
        <translation>Softphone</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>When it rings</source>
        <translation>Wenn es klingelt</translation>
    </message>
    <message>
        <source>When I answer</source>
        <translation>Wenn ich annehme</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Screenpop settings</source>
        <translation>Screenpop-Einstellungen</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <source>Softphone</source>
        <translation>Softphone</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Settings shown greyed out are set by your administrator.</source>
        <translation>Ausgegraute Einstellungen legt Ihr Administrator fest.</translation>
    </message>
    <message>
        <source>None: the system&apos;s certificates only</source>
        <translation>Keine: nur die Zertifikate des Systems</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Company CA file</source>
        <translation>CA-Datei der Firma</translation>
    </message>
    <message>
        <source>Only needed behind a proxy that inspects TLS: your company&apos;s CA certificate (PEM), trusted besides the system&apos;s.</source>
        <translation>Nur hinter einem Proxy nötig, der TLS prüft: das CA-Zertifikat Ihrer Firma (PEM), dem zusätzlich zu denen des Systems vertraut wird.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>The digits your phone system puts before outside numbers, such as 0 or 9</source>
        <translation>Die Ziffern, die Ihre Telefonanlage vor externe Nummern setzt, etwa 0 oder 9</translation>
    </message>
    <message>
        <source>Open the caller&apos;s company by itself</source>
        <translation>Firma des Anrufers automatisch öffnen</translation>
    </message>
    <message>
        <source>Do not disturb (no pops; calls are still listed)</source>
        <translation>Nicht stören (keine Pop-ups; Anrufe werden weiter aufgelistet)</translation>
    </message>
    <message>
        <source>Look up callers the cache does not know in SuperOffice</source>
        <translation>Anrufer, die der Cache nicht kennt, in SuperOffice nachschlagen</translation>
    </message>
    <message>
        <source> s without news</source>
        <translation> s ohne Neues</translation>
    </message>
    <message>
        <source>A ringing pop leaves after this when the phone says nothing more</source>
        <translation>Ein klingelndes Pop-up verschwindet nach dieser Zeit, wenn das Telefon nichts mehr meldet</translation>
    </message>
    <message>
        <source> items per list</source>
        <translation> Einträge pro Liste</translation>
    </message>
    <message>
        <source>Home region</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Outside-line prefix</source>
        <translation>Amtskennziffer</translation>
    </message>
    <message>
        <source>Show a pop</source>
        <translation>Pop-up anzeigen</translation>
    </message>
    <message>
        <source>A ringing pop leaves</source>
        <translation>Ein klingelndes Pop-up verschwindet</translation>
    </message>
    <message>
        <source>Contact window</source>
        <translation>Kontaktfenster</translation>
    </message>
    <message>
        <source>Off (for example 127.0.0.1:4444)</source>
        <translation>Aus (zum Beispiel 127.0.0.1:4444)</translation>
    </message>
    <message>
        <source>Allow a baresip on another computer</source>
        <translation>baresip auf einem anderen Computer erlauben</translation>
    </message>
    <message>
        <source>baresip address</source>
        <translation>baresip-Adresse</translation>
    </message>
    <message>
        <source>Screenpop follows the calls of the baresip softphone through its ctrl_tcp module (HOST:PORT). Other softphones run “screenpop call” instead: see the README.</source>
        <translation>Screenpop verfolgt die Anrufe des Softphones baresip über dessen Modul ctrl_tcp (HOST:PORT). Andere Softphones rufen stattdessen „screenpop call“ auf: siehe README.</translation>
    </message>
    <message>
        <source>As the system (%1)</source>
        <translation>Wie im System (%1)</translation>
    </message>
    <message>
        <source>Register tel: and sip: links</source>
        <translation>tel:- und sip:-Links registrieren</translation>
    </message>
    <message>
        <source>Open tel:, callto: and sip: links on this computer with Screenpop</source>
        <translation>tel:-, callto:- und sip:-Links auf diesem Computer mit Screenpop öffnen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The tray menu and new windows show a new language at once.</source>
        <translation>Das Menü im Infobereich und neue Fenster zeigen eine neue Sprache sofort.</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>This file is not a certificate Screenpop can use (PEM).</source>
        <translation>Diese Datei ist kein Zertifikat, das Screenpop verwenden kann (PEM).</translation>
    </message>
    <message>
        <source>Not an address such as 127.0.0.1:4444 (HOST:PORT).</source>
        <translation>Keine Adresse wie 127.0.0.1:4444 (HOST:PORT).</translation>
    </message>
    <message>
        <source>This is another computer: tick “Allow a baresip on another computer” to use it.</source>
        <translation>Das ist ein anderer Computer: Kreuzen Sie „baresip auf einem anderen Computer erlauben“ an, um ihn zu verwenden.</translation>
    </message>
    <message>
        <source>Company CA certificate</source>
        <translation>CA-Zertifikat der Firma</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Ask after each call</source>
        <translation>Nach jedem Anruf fragen</translation>
    </message>
    <message>
        <source>Answered calls</source>
        <translation>Angenommene Anrufe</translation>
    </message>
    <message>
        <source>All calls, missed ones too</source>
        <translation>Alle Anrufe, auch verpasste</translation>
    </message>
    <message>
        <source>Phone call (SuperOffice&apos;s own)</source>
        <translation>Telefonanruf (von SuperOffice)</translation>
    </message>
    <message>
        <source>The task logged calls get, from SuperOffice&apos;s list</source>
        <translation>Die Aufgabe protokollierter Anrufe, aus der Liste von SuperOffice</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Log calls in SuperOffice</source>
        <translation>Anrufe in SuperOffice protokollieren</translation>
    </message>
    <message>
        <source>Task for logged calls</source>
        <translation>Aufgabe protokollierter Anrufe</translation>
    </message>
    <message>
        <source>Loading SuperOffice&apos;s task list…</source>
        <translation>Die Aufgabenliste von SuperOffice wird geladen…</translation>
    </message>
    <message>
        <source>SuperOffice&apos;s task list could not be loaded: %1</source>
        <translation>Die Aufgabenliste von SuperOffice konnte nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Numbers without a country code are read as from here.</source>
        <translation>Nummern ohne Ländervorwahl gelten als Nummern aus diesem Land.</translation>
    </message>
    <message>
        <source>Start Screenpop when I log in</source>
        <translation>Screenpop bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>SetupFlow</name>
    <message>
        <source>Signing in: finish in your browser…</source>
        <translation>Anmeldung läuft: Schließen Sie sie im Browser ab…</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Angemeldet.</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>Set by your administrator</source>
        <translation>Von Ihrem Administrator festgelegt</translation>
    </message>
    <message>
        <source>SuperOffice Online (browser)</source>
        <translation>SuperOffice Online (Browser)</translation>
    </message>
    <message>
        <source>User name and password</source>
        <translation>Benutzername und Passwort</translation>
    </message>
    <message>
        <source>SOTicket</source>
        <translation>SOTicket</translation>
    </message>
    <message>
        <source>Production (online)</source>
        <translation>Produktion (online)</translation>
    </message>
    <message>
        <source>Development (sod)</source>
        <translation>Entwicklung (sod)</translation>
    </message>
    <message>
        <source>Stage (qaonline)</source>
        <translation>Stage (qaonline)</translation>
    </message>
    <message>
        <source>Paste the address you open SuperOffice with in the browser, or just your customer id (Cust12345).</source>
        <translation>Fügen Sie die Adresse ein, mit der Sie SuperOffice im Browser öffnen, oder nur Ihre Kunden-ID (Cust12345).</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved one</source>
        <translation>Leer lassen, um das gespeicherte zu behalten</translation>
    </message>
    <message>
        <source>Kept in the system keyring, never in the settings file.</source>
        <translation>Wird im Schlüsselbund des Systems gespeichert, nie in der Einstellungsdatei.</translation>
    </message>
    <message>
        <source>From your administrator</source>
        <translation>Von Ihrem Administrator</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>SuperOffice address</source>
        <translation>SuperOffice-Adresse</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Anmelden mit</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Enter the address of your SuperOffice.</source>
        <translation>Geben Sie die Adresse Ihres SuperOffice ein.</translation>
    </message>
    <message>
        <source>This is not a SuperOffice address. Paste the address you open SuperOffice with, such as https://online.superoffice.com/Cust12345, or your customer id.</source>
        <translation>Das ist keine SuperOffice-Adresse. Fügen Sie die Adresse ein, mit der Sie SuperOffice öffnen, etwa https://online.superoffice.com/Cust12345, oder Ihre Kunden-ID.</translation>
    </message>
    <message>
        <source>SuperOffice Online addresses end in your customer id, such as https://online.superoffice.com/Cust12345.</source>
        <translation>Adressen von SuperOffice Online enden mit Ihrer Kunden-ID, etwa https://online.superoffice.com/Cust12345.</translation>
    </message>
    <message>
        <source>Enter your SuperOffice user name.</source>
        <translation>Geben Sie Ihren SuperOffice-Benutzernamen ein.</translation>
    </message>
    <message>
        <source>Enter the client id your administrator gave you.</source>
        <translation>Geben Sie die Client-ID ein, die Sie von Ihrem Administrator erhalten haben.</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
</context>
<context>
    <name>Skeleton</name>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
</context>
<context>
    <name>SummaryTab</name>
    <message>
        <source>Show more</source>
        <translation>Mehr anzeigen</translation>
    </message>
    <message>
        <source>Loading more…</source>
        <translation>Weitere werden geladen…</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 von %3)</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Do not disturb</source>
        <translation>Nicht stören</translation>
    </message>
    <message>
        <source>Sync now — syncing…</source>
        <translation>Jetzt synchronisieren — wird synchronisiert…</translation>
    </message>
    <message>
        <source>Sync now — not synced yet</source>
        <translation>Jetzt synchronisieren — noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>Sync now — last synced %1</source>
        <translation>Jetzt synchronisieren — zuletzt synchronisiert %1</translation>
    </message>
    <message>
        <source>Find contact…</source>
        <translation>Kontakt suchen…</translation>
    </message>
    <message>
        <source>Recent calls</source>
        <translation>Letzte Anrufe</translation>
    </message>
    <message>
        <source>Simulate a call</source>
        <translation>Anruf simulieren</translation>
    </message>
    <message>
        <source>Sign in to SuperOffice…</source>
        <translation>Bei SuperOffice anmelden…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Über %1</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>_RelativeTime</name>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>in %n Minute</numerusform>
            <numerusform>in %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation>
            <numerusform>in %n Stunde</numerusform>
            <numerusform>in %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n Tag</numerusform>
            <numerusform>in %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_SalesFooter</name>
    <message numerus="yes">
        <source>%n open sale(s), total %1 in base currency</source>
        <translation>
            <numerusform>%n offener Verkauf, insgesamt %1 in Basiswährung</numerusform>
            <numerusform>%n offene Verkäufe, insgesamt %1 in Basiswährung</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>recent_calls</name>
    <message>
        <source>No calls yet</source>
        <translation>Noch keine Anrufe</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Unbekannter Anrufer</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Verpasst</translation>
    </message>
    <message>
        <source>Answered call, %1: open the contact</source>
        <translation>Angenommener Anruf, %1: Kontakt öffnen</translation>
    </message>
    <message>
        <source>Answered call, %1: search for the number</source>
        <translation>Angenommener Anruf, %1: nach der Nummer suchen</translation>
    </message>
    <message>
        <source>Missed call, %1: open the contact</source>
        <translation>Verpasster Anruf, %1: Kontakt öffnen</translation>
    </message>
    <message>
        <source>Missed call, %1: search for the number</source>
        <translation>Verpasster Anruf, %1: nach der Nummer suchen</translation>
    </message>
</context>
<context>
    <name>summary_tables</name>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht begonnen</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Verkauft</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Postponed</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Stalled</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Zusammengeführt</translation>
    </message>
    <message>
        <source>Spam</source>
        <translation>Spam</translation>
    </message>
    <message>
        <source>Status %1</source>
        <translation>Status %1</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>No tickets</source>
        <translation>Keine Tickets</translation>
    </message>
    <message>
        <source>No tickets match “%1”</source>
        <translation>Keine Tickets passen zu „%1“</translation>
    </message>
    <message>
        <source>Could not load the tickets</source>
        <translation>Die Tickets konnten nicht geladen werden</translation>
    </message>
    <message>
        <source>Fetch more tickets from SuperOffice</source>
        <translation>Weitere Tickets aus SuperOffice holen</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registriert</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Folgeaufgaben</translation>
    </message>
    <message>
        <source>No follow-ups</source>
        <translation>Keine Folgeaufgaben</translation>
    </message>
    <message>
        <source>No follow-ups match “%1”</source>
        <translation>Keine Folgeaufgaben passen zu „%1“</translation>
    </message>
    <message>
        <source>Could not load the follow-ups</source>
        <translation>Die Folgeaufgaben konnten nicht geladen werden</translation>
    </message>
    <message>
        <source>Fetch more follow-ups from SuperOffice</source>
        <translation>Weitere Folgeaufgaben aus SuperOffice holen</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>No documents</source>
        <translation>Keine Dokumente</translation>
    </message>
    <message>
        <source>No documents match “%1”</source>
        <translation>Keine Dokumente passen zu „%1“</translation>
    </message>
    <message>
        <source>Could not load the documents</source>
        <translation>Die Dokumente konnten nicht geladen werden</translation>
    </message>
    <message>
        <source>Fetch more documents from SuperOffice</source>
        <translation>Weitere Dokumente aus SuperOffice holen</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Verkäufe</translation>
    </message>
    <message>
        <source>No sales</source>
        <translation>Keine Verkäufe</translation>
    </message>
    <message>
        <source>No sales match “%1”</source>
        <translation>Keine Verkäufe passen zu „%1“</translation>
    </message>
    <message>
        <source>Could not load the sales</source>
        <translation>Die Verkäufe konnten nicht geladen werden</translation>
    </message>
    <message>
        <source>Fetch more sales from SuperOffice</source>
        <translation>Weitere Verkäufe aus SuperOffice holen</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <source>No chats</source>
        <translation>Keine Chats</translation>
    </message>
    <message>
        <source>No chats match “%1”</source>
        <translation>Keine Chats passen zu „%1“</translation>
    </message>
    <message>
        <source>Could not load the chats</source>
        <translation>Die Chats konnten nicht geladen werden</translation>
    </message>
    <message>
        <source>Fetch more chats from SuperOffice</source>
        <translation>Weitere Chats aus SuperOffice holen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>First message</source>
        <translation>Erste Nachricht</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Angefragt</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
</context>
<context>
    <name>text</name>
    <message>
        <source>Exact number</source>
        <translation>Exakte Nummer</translation>
    </message>
    <message>
        <source>Same national number</source>
        <translation>Gleiche nationale Nummer</translation>
    </message>
    <message>
        <source>Last digits match</source>
        <translation>Letzte Ziffern stimmen überein</translation>
    </message>
    <message>
        <source>Found in SuperOffice</source>
        <translation>In SuperOffice gefunden</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation>gestern %1</translation>
    </message>
    <message>
        <source>tomorrow %1</source>
        <translation>morgen %1</translation>
    </message>
</context>
</TS>
