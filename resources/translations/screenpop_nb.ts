<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Screenpop for SuperOffice</source>
        <translation>Screenpop for SuperOffice</translation>
    </message>
    <message>
        <source>The caller&apos;s SuperOffice contact summary, the moment the phone rings.</source>
        <translation>Sammendraget av innringeren fra SuperOffice i det øyeblikket telefonen ringer.</translation>
    </message>
    <message>
        <source>About Screenpop</source>
        <translation>Om Screenpop</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versjon %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
</context>
<context>
    <name>AddPersonDialog</name>
    <message>
        <source>Add to SuperOffice</source>
        <translation>Legg til i SuperOffice</translation>
    </message>
    <message>
        <source>Type to find the company</source>
        <translation>Skriv for å finne firmaet</translation>
    </message>
    <message>
        <source>Office phone</source>
        <translation>Telefon på kontoret</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobiltelefon</translation>
    </message>
    <message>
        <source>Open in SuperOffice</source>
        <translation>Åpne i SuperOffice</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Legg til</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Fornavn</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Etternavn</translation>
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
        <translation>Lagre som</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Legger til…</translation>
    </message>
    <message>
        <source>Give the caller&apos;s first or last name.</source>
        <translation>Oppgi innringerens fornavn eller etternavn.</translation>
    </message>
    <message>
        <source>Choose the caller&apos;s company from the list.</source>
        <translation>Velg innringerens firma i listen.</translation>
    </message>
    <message>
        <source>This is not a phone number SuperOffice can store (+47 22 33 44 55).</source>
        <translation>Dette er ikke et telefonnummer SuperOffice kan lagre (+47 22 33 44 55).</translation>
    </message>
</context>
<context>
    <name>CallLogging</name>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Outgoing call to %1 (%2)</source>
        <translation>Utgående anrop til %1 (%2)</translation>
    </message>
    <message>
        <source>Outgoing call to %1, not answered</source>
        <translation>Utgående anrop til %1, ikke besvart</translation>
    </message>
    <message>
        <source>Incoming call from %1 (%2)</source>
        <translation>Innkommende anrop fra %1 (%2)</translation>
    </message>
    <message>
        <source>Missed call from %1</source>
        <translation>Tapt anrop fra %1</translation>
    </message>
    <message>
        <source>%1; its end was not reported</source>
        <translation>%1; slutten ble ikke meldt</translation>
    </message>
    <message>
        <source>Note on the call with %1</source>
        <translation>Notat til samtalen med %1</translation>
    </message>
</context>
<context>
    <name>CallNoteEditor</name>
    <message>
        <source>The note goes into SuperOffice with the call.</source>
        <translation>Notatet kommer inn i SuperOffice med samtalen.</translation>
    </message>
    <message>
        <source>Not logged yet.</source>
        <translation>Ikke loggført ennå.</translation>
    </message>
    <message>
        <source>Waiting to be logged in SuperOffice…</source>
        <translation>Venter på å bli loggført i SuperOffice…</translation>
    </message>
    <message>
        <source>Logged in SuperOffice.</source>
        <translation>Loggført i SuperOffice.</translation>
    </message>
    <message>
        <source>SuperOffice did not take it: %1</source>
        <translation>SuperOffice tok ikke imot: %1</translation>
    </message>
    <message>
        <source>Not logged.</source>
        <translation>Ikke loggført.</translation>
    </message>
    <message>
        <source>Note for SuperOffice…</source>
        <translation>Notat til SuperOffice…</translation>
    </message>
    <message>
        <source>Log call</source>
        <translation>Loggfør samtalen</translation>
    </message>
    <message>
        <source>Log this call in SuperOffice, with the note</source>
        <translation>Loggfør denne samtalen i SuperOffice, med notatet</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Prøv igjen</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>Legg til notat</translation>
    </message>
    <message>
        <source>Notes keep %1 characters; the rest was left out.</source>
        <translation>Notater beholder %1 tegn; resten ble utelatt.</translation>
    </message>
</context>
<context>
    <name>CallServices</name>
    <message>
        <source>Call logs waiting: %1</source>
        <translation>Samtalelogger som venter: %1</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>avvist: %1</translation>
    </message>
    <message>
        <source>not logged yet: %1</source>
        <translation>ikke loggført ennå: %1</translation>
    </message>
    <message>
        <source>sign-in needed</source>
        <translation>innlogging kreves</translation>
    </message>
    <message>
        <source>SuperOffice cannot be reached</source>
        <translation>SuperOffice kan ikke nås</translation>
    </message>
    <message>
        <source>Call logging</source>
        <translation>Samtalelogg</translation>
    </message>
    <message>
        <source>Cannot call %1</source>
        <translation>Kan ikke ringe %1</translation>
    </message>
</context>
<context>
    <name>CallToast</name>
    <message>
        <source>Ringing…</source>
        <translation>Ringer…</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Besvart</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Avsluttet</translation>
    </message>
    <message>
        <source>Missed call</source>
        <translation>Tapt anrop</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Close all</source>
        <translation>Lukk alle</translation>
    </message>
    <message>
        <source>Dismiss every pop</source>
        <translation>Lukk alle varsler</translation>
    </message>
    <message>
        <source>Call from %1 — Screenpop</source>
        <translation>Anrop fra %1 — Screenpop</translation>
    </message>
    <message>
        <source>Open the contact</source>
        <translation>Åpne kontakten</translation>
    </message>
    <message numerus="yes">
        <source>%n possible caller(s)</source>
        <translation>
            <numerusform>%n mulig innringer</numerusform>
            <numerusform>%n mulige innringere</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Ukjent innringer</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Søk…</translation>
    </message>
    <message>
        <source>Search the contacts for this number</source>
        <translation>Søk etter dette nummeret blant kontaktene</translation>
    </message>
    <message>
        <source>Looking up in SuperOffice…</source>
        <translation>Slår opp i SuperOffice…</translation>
    </message>
    <message>
        <source>Not found in SuperOffice</source>
        <translation>Ikke funnet i SuperOffice</translation>
    </message>
    <message>
        <source>Could not look up: %1</source>
        <translation>Kunne ikke slå opp: %1</translation>
    </message>
    <message>
        <source>Add to SuperOffice…</source>
        <translation>Legg til i SuperOffice…</translation>
    </message>
    <message>
        <source>Add this caller to SuperOffice as a new person</source>
        <translation>Legg til denne innringeren i SuperOffice som en ny person</translation>
    </message>
</context>
<context>
    <name>CallerPicker</name>
    <message>
        <source>The people this number belongs to</source>
        <translation>Personene dette nummeret tilhører</translation>
    </message>
    <message>
        <source>Who called?</source>
        <translation>Hvem ringte?</translation>
    </message>
</context>
<context>
    <name>ChoiceRow</name>
    <message>
        <source>Main number</source>
        <translation>Hovednummer</translation>
    </message>
</context>
<context>
    <name>Chooser</name>
    <message numerus="yes">
        <source>Filter %n people</source>
        <translation>
            <numerusform>Filtrer %n person</numerusform>
            <numerusform>Filtrer %n personer</numerusform>
        </translation>
    </message>
    <message>
        <source>No one by that name</source>
        <translation>Ingen med det navnet</translation>
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
        <translation>E-post</translation>
    </message>
    <message>
        <source>Web site</source>
        <translation>Nettsted</translation>
    </message>
    <message>
        <source>Org. number</source>
        <translation>Org.nr.</translation>
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
        <translation>Vår kontakt</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Innringer</translation>
    </message>
    <message>
        <source>Call this number</source>
        <translation>Ring dette nummeret</translation>
    </message>
</context>
<context>
    <name>ContactWindow</name>
    <message>
        <source>Showing the summary as it was last loaded; Retry to update it.</source>
        <translation>Viser sammendraget slik det sist ble lastet; Prøv igjen oppdaterer det.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Prøv igjen</translation>
    </message>
    <message>
        <source>Filter (Ctrl+F)</source>
        <translation>Filtrer (Ctrl+F)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laster…</translation>
    </message>
    <message>
        <source>Company details unavailable</source>
        <translation>Firmaopplysningene er ikke tilgjengelige</translation>
    </message>
    <message numerus="yes">
        <source>· %n item(s) could not be read</source>
        <translation>
            <numerusform>· %n element kunne ikke leses</numerusform>
            <numerusform>· %n elementer kunne ikke leses</numerusform>
        </translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation>Firma %1</translation>
    </message>
    <message>
        <source>Updated %1 · refreshing…</source>
        <translation>Oppdatert %1 · oppdaterer…</translation>
    </message>
    <message>
        <source>Last updated %1</source>
        <translation>Sist oppdatert %1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Oppdatert %1</translation>
    </message>
</context>
<context>
    <name>ContactWindows</name>
    <message>
        <source>SuperOffice has no contact %1: it may have been deleted or merged.</source>
        <translation>SuperOffice har ikke firma %1: det kan være slettet eller slått sammen med et annet.</translation>
    </message>
</context>
<context>
    <name>FindDialog</name>
    <message>
        <source>Type a name or number</source>
        <translation>Skriv et navn eller nummer</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Ingen treff</translation>
    </message>
    <message>
        <source>Search is not available right now</source>
        <translation>Søk er ikke tilgjengelig akkurat nå</translation>
    </message>
    <message>
        <source>Find contact — Screenpop</source>
        <translation>Finn kontakt — Screenpop</translation>
    </message>
    <message>
        <source>Name, company or phone number</source>
        <translation>Navn, firma eller telefonnummer</translation>
    </message>
    <message>
        <source>Call the chosen number (Ctrl+Enter)</source>
        <translation>Ring det valgte nummeret (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>Ring %1</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Ring</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åpne</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Screenpop</source>
        <translation>Velkommen til Screenpop</translation>
    </message>
    <message>
        <source>When the phone rings, Screenpop shows who is calling, with their company&apos;s tickets, follow-ups and sales from SuperOffice. Tell it where your SuperOffice is and how you sign in.</source>
        <translation>Når telefonen ringer, viser Screenpop hvem som ringer, med firmaets saker, oppfølginger og salg fra SuperOffice. Oppgi hvor SuperOffice ligger og hvordan du logger inn.</translation>
    </message>
    <message>
        <source>Try the demo instead</source>
        <translation>Prøv demoen i stedet</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
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
        <translation>Kopier</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>There is no system tray on this desktop, so Screenpop shows this window instead. It keeps running when the window is closed: start Screenpop again to bring it back.</source>
        <translation>Dette skrivebordet har ikke noe systemstatusfelt, så Screenpop viser dette vinduet i stedet. Screenpop kjører videre når vinduet lukkes: start Screenpop igjen for å få det tilbake.</translation>
    </message>
    <message>
        <source>Find contact…</source>
        <translation>Finn kontakt…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synkroniser nå</translation>
    </message>
    <message>
        <source>Recent calls</source>
        <translation>Siste anrop</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Innstillinger…</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Om %1</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Avslutt</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Syncing caller IDs…</source>
        <translation>Synkroniserer telefonnumre…</translation>
    </message>
    <message>
        <source>Offline: cached caller IDs still work</source>
        <translation>Frakoblet: lagrede telefonnumre virker fortsatt</translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation>Innlogging kreves</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Waiting to be sent</source>
        <translation>Venter på å bli sendt</translation>
    </message>
    <message>
        <source>Not logged yet</source>
        <translation>Ikke loggført ennå</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Avvist: %1</translation>
    </message>
    <message>
        <source>Sent; a newer note is on its way</source>
        <translation>Sendt; et nyere notat er på vei</translation>
    </message>
    <message>
        <source>Call logs — Screenpop</source>
        <translation>Samtalelogger — Screenpop</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Når</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Loggfør</translation>
    </message>
    <message>
        <source>No call logs are waiting.</source>
        <translation>Ingen samtalelogger venter.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Forkast</translation>
    </message>
    <message>
        <source>Do not log this call in SuperOffice</source>
        <translation>Ikke loggfør denne samtalen i SuperOffice</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Prøv igjen</translation>
    </message>
</context>
<context>
    <name>RegionCombo</name>
    <message>
        <source>As the system says (%1)</source>
        <translation>Som i systemet (%1)</translation>
    </message>
</context>
<context>
    <name>ScreenpopApp</name>
    <message>
        <source>Sign-in</source>
        <translation>Pålogging</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Påloggingen mislyktes</translation>
    </message>
    <message>
        <source>Softphone</source>
        <translation>Programvaretelefon</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>When it rings</source>
        <translation>Når det ringer</translation>
    </message>
    <message>
        <source>When I answer</source>
        <translation>Når jeg svarer</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Aldri</translation>
    </message>
    <message>
        <source>Screenpop settings</source>
        <translation>Innstillinger for Screenpop</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Tilkobling</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Anrop</translation>
    </message>
    <message>
        <source>Softphone</source>
        <translation>Softphone</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Generelt</translation>
    </message>
    <message>
        <source>Settings shown greyed out are set by your administrator.</source>
        <translation>Innstillinger som er grået ut, bestemmes av administratoren.</translation>
    </message>
    <message>
        <source>None: the system&apos;s certificates only</source>
        <translation>Ingen: bare systemets sertifikater</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Velg…</translation>
    </message>
    <message>
        <source>Company CA file</source>
        <translation>Firmaets CA-fil</translation>
    </message>
    <message>
        <source>Only needed behind a proxy that inspects TLS: your company&apos;s CA certificate (PEM), trusted besides the system&apos;s.</source>
        <translation>Trengs bare bak en proxy som inspiserer TLS: firmaets CA-sertifikat (PEM), som stoles på i tillegg til systemets.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>The digits your phone system puts before outside numbers, such as 0 or 9</source>
        <translation>Sifrene telefonsentralen setter foran eksterne numre, for eksempel 0 eller 9</translation>
    </message>
    <message>
        <source>Open the caller&apos;s company by itself</source>
        <translation>Åpne innringerens firma automatisk</translation>
    </message>
    <message>
        <source>Do not disturb (no pops; calls are still listed)</source>
        <translation>Ikke forstyrr (ingen varsler; anrop blir fortsatt listet)</translation>
    </message>
    <message>
        <source>Look up callers the cache does not know in SuperOffice</source>
        <translation>Slå opp innringere som ikke er i hurtigbufferen i SuperOffice</translation>
    </message>
    <message>
        <source> s without news</source>
        <translation> s uten nytt</translation>
    </message>
    <message>
        <source>A ringing pop leaves after this when the phone says nothing more</source>
        <translation>Et ringende varsel forsvinner etter så lang tid når telefonen ikke sier mer</translation>
    </message>
    <message>
        <source> items per list</source>
        <translation> elementer per liste</translation>
    </message>
    <message>
        <source>Home region</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Outside-line prefix</source>
        <translation>Prefiks for utgående linje</translation>
    </message>
    <message>
        <source>Show a pop</source>
        <translation>Vis varsel</translation>
    </message>
    <message>
        <source>A ringing pop leaves</source>
        <translation>Et ringende varsel forsvinner</translation>
    </message>
    <message>
        <source>Contact window</source>
        <translation>Kontaktvindu</translation>
    </message>
    <message>
        <source>Off (for example 127.0.0.1:4444)</source>
        <translation>Av (for eksempel 127.0.0.1:4444)</translation>
    </message>
    <message>
        <source>Allow a baresip on another computer</source>
        <translation>Tillat baresip på en annen datamaskin</translation>
    </message>
    <message>
        <source>baresip address</source>
        <translation>baresip-adresse</translation>
    </message>
    <message>
        <source>Screenpop follows the calls of the baresip softphone through its ctrl_tcp module (HOST:PORT). Other softphones run “screenpop call” instead: see the README.</source>
        <translation>Screenpop følger anropene i softphonen baresip gjennom modulen ctrl_tcp (HOST:PORT). Andre softphoner kjører «screenpop call» i stedet: se README.</translation>
    </message>
    <message>
        <source>As the system (%1)</source>
        <translation>Som i systemet (%1)</translation>
    </message>
    <message>
        <source>Register tel: and sip: links</source>
        <translation>Registrer tel:- og sip:-lenker</translation>
    </message>
    <message>
        <source>Open tel:, callto: and sip: links on this computer with Screenpop</source>
        <translation>Åpne tel:-, callto:- og sip:-lenker på denne datamaskinen med Screenpop</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>The tray menu and new windows show a new language at once.</source>
        <translation>Menyen i systemstatusfeltet og nye vinduer viser et nytt språk med en gang.</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Lenker</translation>
    </message>
    <message>
        <source>This file is not a certificate Screenpop can use (PEM).</source>
        <translation>Denne filen er ikke et sertifikat Screenpop kan bruke (PEM).</translation>
    </message>
    <message>
        <source>Not an address such as 127.0.0.1:4444 (HOST:PORT).</source>
        <translation>Ikke en adresse som 127.0.0.1:4444 (HOST:PORT).</translation>
    </message>
    <message>
        <source>This is another computer: tick “Allow a baresip on another computer” to use it.</source>
        <translation>Dette er en annen datamaskin: kryss av for «Tillat baresip på en annen datamaskin» for å bruke den.</translation>
    </message>
    <message>
        <source>Company CA certificate</source>
        <translation>Firmaets CA-sertifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Sertifikater (*.pem *.crt *.cer);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>Ask after each call</source>
        <translation>Spør etter hver samtale</translation>
    </message>
    <message>
        <source>Answered calls</source>
        <translation>Besvarte samtaler</translation>
    </message>
    <message>
        <source>All calls, missed ones too</source>
        <translation>Alle samtaler, også tapte</translation>
    </message>
    <message>
        <source>Phone call (SuperOffice&apos;s own)</source>
        <translation>Telefonsamtale (SuperOffices egen)</translation>
    </message>
    <message>
        <source>The task logged calls get, from SuperOffice&apos;s list</source>
        <translation>Oppgaven loggførte samtaler får, fra SuperOffices liste</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Prøv igjen</translation>
    </message>
    <message>
        <source>Log calls in SuperOffice</source>
        <translation>Loggfør samtaler i SuperOffice</translation>
    </message>
    <message>
        <source>Task for logged calls</source>
        <translation>Oppgave for loggførte samtaler</translation>
    </message>
    <message>
        <source>Loading SuperOffice&apos;s task list…</source>
        <translation>Laster SuperOffices oppgaveliste…</translation>
    </message>
    <message>
        <source>SuperOffice&apos;s task list could not be loaded: %1</source>
        <translation>SuperOffices oppgaveliste kunne ikke lastes: %1</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Numbers without a country code are read as from here.</source>
        <translation>Numre uten landskode leses som numre herfra.</translation>
    </message>
    <message>
        <source>Start Screenpop when I log in</source>
        <translation>Start Screenpop når jeg logger inn</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>SetupFlow</name>
    <message>
        <source>Signing in: finish in your browser…</source>
        <translation>Logger på: fullfør i nettleseren…</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Påloggingen mislyktes: %1</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Pålogget.</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>Set by your administrator</source>
        <translation>Bestemt av administratoren</translation>
    </message>
    <message>
        <source>SuperOffice Online (browser)</source>
        <translation>SuperOffice Online (nettleser)</translation>
    </message>
    <message>
        <source>User name and password</source>
        <translation>Brukernavn og passord</translation>
    </message>
    <message>
        <source>SOTicket</source>
        <translation>SOTicket</translation>
    </message>
    <message>
        <source>Production (online)</source>
        <translation>Produksjon (online)</translation>
    </message>
    <message>
        <source>Development (sod)</source>
        <translation>Utvikling (sod)</translation>
    </message>
    <message>
        <source>Stage (qaonline)</source>
        <translation>Stage (qaonline)</translation>
    </message>
    <message>
        <source>Paste the address you open SuperOffice with in the browser, or just your customer id (Cust12345).</source>
        <translation>Lim inn adressen du åpner SuperOffice med i nettleseren, eller bare kunde-ID-en (Cust12345).</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved one</source>
        <translation>La stå tomt for å beholde det lagrede</translation>
    </message>
    <message>
        <source>Kept in the system keyring, never in the settings file.</source>
        <translation>Lagres i systemets nøkkelring, aldri i innstillingsfilen.</translation>
    </message>
    <message>
        <source>From your administrator</source>
        <translation>Fra administratoren</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Logg inn…</translation>
    </message>
    <message>
        <source>SuperOffice address</source>
        <translation>SuperOffice-adresse</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Miljø</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Logg inn med</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Brukernavn</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Klient-ID</translation>
    </message>
    <message>
        <source>Enter the address of your SuperOffice.</source>
        <translation>Skriv inn adressen til SuperOffice.</translation>
    </message>
    <message>
        <source>This is not a SuperOffice address. Paste the address you open SuperOffice with, such as https://online.superoffice.com/Cust12345, or your customer id.</source>
        <translation>Dette er ikke en SuperOffice-adresse. Lim inn adressen du åpner SuperOffice med, for eksempel https://online.superoffice.com/Cust12345, eller kunde-ID-en.</translation>
    </message>
    <message>
        <source>SuperOffice Online addresses end in your customer id, such as https://online.superoffice.com/Cust12345.</source>
        <translation>Adresser til SuperOffice Online slutter med kunde-ID-en, for eksempel https://online.superoffice.com/Cust12345.</translation>
    </message>
    <message>
        <source>Enter your SuperOffice user name.</source>
        <translation>Skriv inn brukernavnet ditt i SuperOffice.</translation>
    </message>
    <message>
        <source>Enter the client id your administrator gave you.</source>
        <translation>Skriv inn klient-ID-en du fikk av administratoren.</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passord</translation>
    </message>
</context>
<context>
    <name>Skeleton</name>
    <message>
        <source>Loading</source>
        <translation>Laster</translation>
    </message>
</context>
<context>
    <name>SummaryTab</name>
    <message>
        <source>Show more</source>
        <translation>Vis flere</translation>
    </message>
    <message>
        <source>Loading more…</source>
        <translation>Laster flere…</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 av %3)</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Do not disturb</source>
        <translation>Ikke forstyrr</translation>
    </message>
    <message>
        <source>Sync now — syncing…</source>
        <translation>Synkroniser nå — synkroniserer…</translation>
    </message>
    <message>
        <source>Sync now — not synced yet</source>
        <translation>Synkroniser nå — ikke synkronisert ennå</translation>
    </message>
    <message>
        <source>Sync now — last synced %1</source>
        <translation>Synkroniser nå — sist synkronisert %1</translation>
    </message>
    <message>
        <source>Find contact…</source>
        <translation>Finn kontakt…</translation>
    </message>
    <message>
        <source>Recent calls</source>
        <translation>Siste anrop</translation>
    </message>
    <message>
        <source>Simulate a call</source>
        <translation>Simuler et anrop</translation>
    </message>
    <message>
        <source>Sign in to SuperOffice…</source>
        <translation>Logg inn i SuperOffice…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Innstillinger…</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Om %1</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Avslutt</translation>
    </message>
</context>
<context>
    <name>_RelativeTime</name>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>om %n minutt</numerusform>
            <numerusform>om %n minutter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>for %n minutt siden</numerusform>
            <numerusform>for %n minutter siden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation>
            <numerusform>om %n time</numerusform>
            <numerusform>om %n timer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>for %n time siden</numerusform>
            <numerusform>for %n timer siden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>om %n dag</numerusform>
            <numerusform>om %n dager</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>for %n dag siden</numerusform>
            <numerusform>for %n dager siden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_SalesFooter</name>
    <message numerus="yes">
        <source>%n open sale(s), total %1 in base currency</source>
        <translation>
            <numerusform>%n åpent salg, totalt %1 i basisvaluta</numerusform>
            <numerusform>%n åpne salg, totalt %1 i basisvaluta</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>recent_calls</name>
    <message>
        <source>No calls yet</source>
        <translation>Ingen anrop ennå</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Ukjent innringer</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Besvart</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Tapt</translation>
    </message>
    <message>
        <source>Answered call, %1: open the contact</source>
        <translation>Besvart anrop, %1: åpne kontakten</translation>
    </message>
    <message>
        <source>Answered call, %1: search for the number</source>
        <translation>Besvart anrop, %1: søk etter nummeret</translation>
    </message>
    <message>
        <source>Missed call, %1: open the contact</source>
        <translation>Tapt anrop, %1: åpne kontakten</translation>
    </message>
    <message>
        <source>Missed call, %1: search for the number</source>
        <translation>Tapt anrop, %1: søk etter nummeret</translation>
    </message>
</context>
<context>
    <name>summary_tables</name>
    <message>
        <source>Open</source>
        <translation>Åpen</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Ikke startet</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Ukjent</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fullført</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Solgt</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
    <message>
        <source>Postponed</source>
        <translation>Utsatt</translation>
    </message>
    <message>
        <source>Stalled</source>
        <translation>Stoppet</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Tapt</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Slettet</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Slått sammen</translation>
    </message>
    <message>
        <source>Spam</source>
        <translation>Søppelpost</translation>
    </message>
    <message>
        <source>Status %1</source>
        <translation>Status %1</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Saker</translation>
    </message>
    <message>
        <source>No tickets</source>
        <translation>Ingen saker</translation>
    </message>
    <message>
        <source>No tickets match “%1”</source>
        <translation>Ingen saker passer til «%1»</translation>
    </message>
    <message>
        <source>Could not load the tickets</source>
        <translation>Kunne ikke laste sakene</translation>
    </message>
    <message>
        <source>Fetch more tickets from SuperOffice</source>
        <translation>Hent flere saker fra SuperOffice</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tittel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registrert</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Oppfølginger</translation>
    </message>
    <message>
        <source>No follow-ups</source>
        <translation>Ingen oppfølginger</translation>
    </message>
    <message>
        <source>No follow-ups match “%1”</source>
        <translation>Ingen oppfølginger passer til «%1»</translation>
    </message>
    <message>
        <source>Could not load the follow-ups</source>
        <translation>Kunne ikke laste oppfølgingene</translation>
    </message>
    <message>
        <source>Fetch more follow-ups from SuperOffice</source>
        <translation>Hent flere oppfølginger fra SuperOffice</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumenter</translation>
    </message>
    <message>
        <source>No documents</source>
        <translation>Ingen dokumenter</translation>
    </message>
    <message>
        <source>No documents match “%1”</source>
        <translation>Ingen dokumenter passer til «%1»</translation>
    </message>
    <message>
        <source>Could not load the documents</source>
        <translation>Kunne ikke laste dokumentene</translation>
    </message>
    <message>
        <source>Fetch more documents from SuperOffice</source>
        <translation>Hent flere dokumenter fra SuperOffice</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Salg</translation>
    </message>
    <message>
        <source>No sales</source>
        <translation>Ingen salg</translation>
    </message>
    <message>
        <source>No sales match “%1”</source>
        <translation>Ingen salg passer til «%1»</translation>
    </message>
    <message>
        <source>Could not load the sales</source>
        <translation>Kunne ikke laste salgene</translation>
    </message>
    <message>
        <source>Fetch more sales from SuperOffice</source>
        <translation>Hent flere salg fra SuperOffice</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Overskrift</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Sannsynlighet</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Beløp</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Chatter</translation>
    </message>
    <message>
        <source>No chats</source>
        <translation>Ingen chatter</translation>
    </message>
    <message>
        <source>No chats match “%1”</source>
        <translation>Ingen chatter passer til «%1»</translation>
    </message>
    <message>
        <source>Could not load the chats</source>
        <translation>Kunne ikke laste chattene</translation>
    </message>
    <message>
        <source>Fetch more chats from SuperOffice</source>
        <translation>Hent flere chatter fra SuperOffice</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>First message</source>
        <translation>Første melding</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Forespurt</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Avsluttet</translation>
    </message>
</context>
<context>
    <name>text</name>
    <message>
        <source>Exact number</source>
        <translation>Nøyaktig nummer</translation>
    </message>
    <message>
        <source>Same national number</source>
        <translation>Samme nasjonale nummer</translation>
    </message>
    <message>
        <source>Last digits match</source>
        <translation>De siste sifrene stemmer</translation>
    </message>
    <message>
        <source>Found in SuperOffice</source>
        <translation>Funnet i SuperOffice</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>akkurat nå</translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation>i går %1</translation>
    </message>
    <message>
        <source>tomorrow %1</source>
        <translation>i morgen %1</translation>
    </message>
</context>
</TS>
