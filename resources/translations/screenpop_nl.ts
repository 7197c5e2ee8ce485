<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Screenpop for SuperOffice</source>
        <translation>Screenpop voor SuperOffice</translation>
    </message>
    <message>
        <source>The caller&apos;s SuperOffice contact summary, the moment the phone rings.</source>
        <translation>Het SuperOffice-overzicht van de beller, op het moment dat de telefoon gaat.</translation>
    </message>
    <message>
        <source>About Screenpop</source>
        <translation>Over Screenpop</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versie %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>AddPersonDialog</name>
    <message>
        <source>Add to SuperOffice</source>
        <translation>Toevoegen aan SuperOffice</translation>
    </message>
    <message>
        <source>Type to find the company</source>
        <translation>Typ om het bedrijf te vinden</translation>
    </message>
    <message>
        <source>Office phone</source>
        <translation>Telefoon op kantoor</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobiele telefoon</translation>
    </message>
    <message>
        <source>Open in SuperOffice</source>
        <translation>Openen in SuperOffice</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Voornaam</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Achternaam</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Bedrijf</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>File as</source>
        <translation>Opslaan als</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Bezig met toevoegen…</translation>
    </message>
    <message>
        <source>Give the caller&apos;s first or last name.</source>
        <translation>Vul de voor- of achternaam van de beller in.</translation>
    </message>
    <message>
        <source>Choose the caller&apos;s company from the list.</source>
        <translation>Kies het bedrijf van de beller uit de lijst.</translation>
    </message>
    <message>
        <source>This is not a phone number SuperOffice can store (+47 22 33 44 55).</source>
        <translation>Dit is geen telefoonnummer dat SuperOffice kan opslaan (+47 22 33 44 55).</translation>
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
        <translation>Uitgaand gesprek naar %1 (%2)</translation>
    </message>
    <message>
        <source>Outgoing call to %1, not answered</source>
        <translation>Uitgaand gesprek naar %1, niet beantwoord</translation>
    </message>
    <message>
        <source>Incoming call from %1 (%2)</source>
        <translation>Inkomend gesprek van %1 (%2)</translation>
    </message>
    <message>
        <source>Missed call from %1</source>
        <translation>Gemist gesprek van %1</translation>
    </message>
    <message>
        <source>%1; its end was not reported</source>
        <translation>%1; het einde is niet gemeld</translation>
    </message>
    <message>
        <source>Note on the call with %1</source>
        <translation>Notitie bij het gesprek met %1</translation>
    </message>
</context>
<context>
    <name>CallNoteEditor</name>
    <message>
        <source>The note goes into SuperOffice with the call.</source>
        <translation>De notitie gaat met het gesprek naar SuperOffice.</translation>
    </message>
    <message>
        <source>Not logged yet.</source>
        <translation>Nog niet vastgelegd.</translation>
    </message>
    <message>
        <source>Waiting to be logged in SuperOffice…</source>
        <translation>Wacht om in SuperOffice vastgelegd te worden…</translation>
    </message>
    <message>
        <source>Logged in SuperOffice.</source>
        <translation>Vastgelegd in SuperOffice.</translation>
    </message>
    <message>
        <source>SuperOffice did not take it: %1</source>
        <translation>SuperOffice heeft het niet aangenomen: %1</translation>
    </message>
    <message>
        <source>Not logged.</source>
        <translation>Niet vastgelegd.</translation>
    </message>
    <message>
        <source>Note for SuperOffice…</source>
        <translation>Notitie voor SuperOffice…</translation>
    </message>
    <message>
        <source>Log call</source>
        <translation>Gesprek vastleggen</translation>
    </message>
    <message>
        <source>Log this call in SuperOffice, with the note</source>
        <translation>Dit gesprek met de notitie in SuperOffice vastleggen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>Notitie toevoegen</translation>
    </message>
    <message>
        <source>Notes keep %1 characters; the rest was left out.</source>
        <translation>Notities bewaren %1 tekens; de rest is weggelaten.</translation>
    </message>
</context>
<context>
    <name>CallServices</name>
    <message>
        <source>Call logs waiting: %1</source>
        <translation>Wachtende gespreksverslagen: %1</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>geweigerd: %1</translation>
    </message>
    <message>
        <source>not logged yet: %1</source>
        <translation>nog niet vastgelegd: %1</translation>
    </message>
    <message>
        <source>sign-in needed</source>
        <translation>aanmelden nodig</translation>
    </message>
    <message>
        <source>SuperOffice cannot be reached</source>
        <translation>SuperOffice is niet bereikbaar</translation>
    </message>
    <message>
        <source>Call logging</source>
        <translation>Gesprekken vastleggen</translation>
    </message>
    <message>
        <source>Cannot call %1</source>
        <translation>Kan %1 niet bellen</translation>
    </message>
</context>
<context>
    <name>CallToast</name>
    <message>
        <source>Ringing…</source>
        <translation>Gaat over…</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwoord</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beëindigd</translation>
    </message>
    <message>
        <source>Missed call</source>
        <translation>Gemiste oproep</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Close all</source>
        <translation>Alles sluiten</translation>
    </message>
    <message>
        <source>Dismiss every pop</source>
        <translation>Alle pop-ups sluiten</translation>
    </message>
    <message>
        <source>Call from %1 — Screenpop</source>
        <translation>Oproep van %1 — Screenpop</translation>
    </message>
    <message>
        <source>Open the contact</source>
        <translation>Contact openen</translation>
    </message>
    <message numerus="yes">
        <source>%n possible caller(s)</source>
        <translation>
            <numerusform>%n mogelijke beller</numerusform>
            <numerusform>%n mogelijke bellers</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Onbekende beller</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Zoeken…</translation>
    </message>
    <message>
        <source>Search the contacts for this number</source>
        <translation>Contacten op dit nummer doorzoeken</translation>
    </message>
    <message>
        <source>Looking up in SuperOffice…</source>
        <translation>Opzoeken in SuperOffice…</translation>
    </message>
    <message>
        <source>Not found in SuperOffice</source>
        <translation>Niet gevonden in SuperOffice</translation>
    </message>
    <message>
        <source>Could not look up: %1</source>
        <translation>Kon niet opzoeken: %1</translation>
    </message>
    <message>
        <source>Add to SuperOffice…</source>
        <translation>Toevoegen aan SuperOffice…</translation>
    </message>
    <message>
        <source>Add this caller to SuperOffice as a new person</source>
        <translation>Deze beller als nieuwe persoon aan SuperOffice toevoegen</translation>
    </message>
</context>
<context>
    <name>CallerPicker</name>
    <message>
        <source>The people this number belongs to</source>
        <translation>De personen van wie dit nummer is</translation>
    </message>
    <message>
        <source>Who called?</source>
        <translation>Wie belde er?</translation>
    </message>
</context>
<context>
    <name>ChoiceRow</name>
    <message>
        <source>Main number</source>
        <translation>Hoofdnummer</translation>
    </message>
</context>
<context>
    <name>Chooser</name>
    <message numerus="yes">
        <source>Filter %n people</source>
        <translation>
            <numerusform>%n persoon filteren</numerusform>
            <numerusform>%n personen filteren</numerusform>
        </translation>
    </message>
    <message>
        <source>No one by that name</source>
        <translation>Niemand met die naam</translation>
    </message>
</context>
<context>
    <name>ContactHeader</name>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Web site</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Org. number</source>
        <translation>KvK-nummer</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Our contact</source>
        <translation>Onze contactpersoon</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Beller</translation>
    </message>
    <message>
        <source>Call this number</source>
        <translation>Dit nummer bellen</translation>
    </message>
</context>
<context>
    <name>ContactWindow</name>
    <message>
        <source>Showing the summary as it was last loaded; Retry to update it.</source>
        <translation>Het overzicht wordt getoond zoals het het laatst is geladen; Opnieuw proberen werkt het bij.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>Filter (Ctrl+F)</source>
        <translation>Filteren (Ctrl+F)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Company details unavailable</source>
        <translation>Bedrijfsgegevens niet beschikbaar</translation>
    </message>
    <message numerus="yes">
        <source>· %n item(s) could not be read</source>
        <translation>
            <numerusform>· %n item kon niet worden gelezen</numerusform>
            <numerusform>· %n items konden niet worden gelezen</numerusform>
        </translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation>Bedrijf %1</translation>
    </message>
    <message>
        <source>Updated %1 · refreshing…</source>
        <translation>Bijgewerkt %1 · bezig met bijwerken…</translation>
    </message>
    <message>
        <source>Last updated %1</source>
        <translation>Laatst bijgewerkt %1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Bijgewerkt %1</translation>
    </message>
</context>
<context>
    <name>ContactWindows</name>
    <message>
        <source>SuperOffice has no contact %1: it may have been deleted or merged.</source>
        <translation>SuperOffice heeft geen bedrijf %1: het is misschien verwijderd of samengevoegd.</translation>
    </message>
</context>
<context>
    <name>FindDialog</name>
    <message>
        <source>Type a name or number</source>
        <translation>Typ een naam of nummer</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Geen resultaten</translation>
    </message>
    <message>
        <source>Search is not available right now</source>
        <translation>Zoeken is nu niet beschikbaar</translation>
    </message>
    <message>
        <source>Find contact — Screenpop</source>
        <translation>Contact zoeken — Screenpop</translation>
    </message>
    <message>
        <source>Name, company or phone number</source>
        <translation>Naam, bedrijf of telefoonnummer</translation>
    </message>
    <message>
        <source>Call the chosen number (Ctrl+Enter)</source>
        <translation>Het gekozen nummer bellen (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>%1 bellen</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Bellen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Screenpop</source>
        <translation>Welkom bij Screenpop</translation>
    </message>
    <message>
        <source>When the phone rings, Screenpop shows who is calling, with their company&apos;s tickets, follow-ups and sales from SuperOffice. Tell it where your SuperOffice is and how you sign in.</source>
        <translation>Als de telefoon gaat, laat Screenpop zien wie er belt, met de tickets, vervolgacties en verkopen van het bedrijf uit SuperOffice. Geef aan waar uw SuperOffice staat en hoe u zich aanmeldt.</translation>
    </message>
    <message>
        <source>Try the demo instead</source>
        <translation>Liever de demo proberen</translation>
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
        <translation>Kopiëren</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>There is no system tray on this desktop, so Screenpop shows this window instead. It keeps running when the window is closed: start Screenpop again to bring it back.</source>
        <translation>Dit bureaublad heeft geen systeemvak, dus toont Screenpop in plaats daarvan dit venster. Screenpop blijft draaien als het venster wordt gesloten: start Screenpop opnieuw om het terug te halen.</translation>
    </message>
    <message>
        <source>Find contact…</source>
        <translation>Contact zoeken…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Nu synchroniseren</translation>
    </message>
    <message>
        <source>Recent calls</source>
        <translation>Recente oproepen</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Instellingen…</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Over %1</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Gereed</translation>
    </message>
    <message>
        <source>Syncing caller IDs…</source>
        <translation>Telefoonnummers synchroniseren…</translation>
    </message>
    <message>
        <source>Offline: cached caller IDs still work</source>
        <translation>Offline: opgeslagen telefoonnummers werken nog</translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation>Aanmelden vereist</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Waiting to be sent</source>
        <translation>Wacht om verzonden te worden</translation>
    </message>
    <message>
        <source>Not logged yet</source>
        <translation>Nog niet vastgelegd</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Geweigerd: %1</translation>
    </message>
    <message>
        <source>Sent; a newer note is on its way</source>
        <translation>Verzonden; een nieuwere notitie is onderweg</translation>
    </message>
    <message>
        <source>Call logs — Screenpop</source>
        <translation>Gespreksverslagen — Screenpop</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Vastleggen</translation>
    </message>
    <message>
        <source>No call logs are waiting.</source>
        <translation>Er wachten geen gespreksverslagen.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerpen</translation>
    </message>
    <message>
        <source>Do not log this call in SuperOffice</source>
        <translation>Dit gesprek niet in SuperOffice vastleggen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Opnieuw proberen</translation>
    </message>
</context>
<context>
    <name>RegionCombo</name>
    <message>
        <source>As the system says (%1)</source>
        <translation>Zoals in het systeem (%1)</translation>
    </message>
</context>
<context>
    <name>ScreenpopApp</name>
    <message>
        <source>Sign-in</source>
        <translation>Aanmelden</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Aanmelden mislukt</translation>
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
        <translation>Als de telefoon overgaat</translation>
    </message>
    <message>
        <source>When I answer</source>
        <translation>Als ik opneem</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nooit</translation>
    </message>
    <message>
        <source>Screenpop settings</source>
        <translation>Screenpop-instellingen</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbinding</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Oproepen</translation>
    </message>
    <message>
        <source>Softphone</source>
        <translation>Softphone</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Algemeen</translation>
    </message>
    <message>
        <source>Settings shown greyed out are set by your administrator.</source>
        <translation>Grijs weergegeven instellingen worden door uw beheerder bepaald.</translation>
    </message>
    <message>
        <source>None: the system&apos;s certificates only</source>
        <translation>Geen: alleen de certificaten van het systeem</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <source>Company CA file</source>
        <translation>CA-bestand van het bedrijf</translation>
    </message>
    <message>
        <source>Only needed behind a proxy that inspects TLS: your company&apos;s CA certificate (PEM), trusted besides the system&apos;s.</source>
        <translation>Alleen nodig achter een proxy die TLS inspecteert: het CA-certificaat van uw bedrijf (PEM), dat naast dat van het systeem wordt vertrouwd.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Geen</translation>
    </message>
    <message>
        <source>The digits your phone system puts before outside numbers, such as 0 or 9</source>
        <translation>De cijfers die uw telefooncentrale vóór externe nummers zet, zoals 0 of 9</translation>
    </message>
    <message>
        <source>Open the caller&apos;s company by itself</source>
        <translation>Bedrijf van de beller automatisch openen</translation>
    </message>
    <message>
        <source>Do not disturb (no pops; calls are still listed)</source>
        <translation>Niet storen (geen pop-ups; oproepen worden nog steeds vermeld)</translation>
    </message>
    <message>
        <source>Look up callers the cache does not know in SuperOffice</source>
        <translation>Bellers die de cache niet kent opzoeken in SuperOffice</translation>
    </message>
    <message>
        <source> s without news</source>
        <translation> s zonder nieuws</translation>
    </message>
    <message>
        <source>A ringing pop leaves after this when the phone says nothing more</source>
        <translation>Een rinkelende pop-up verdwijnt na deze tijd als de telefoon niets meer meldt</translation>
    </message>
    <message>
        <source> items per list</source>
        <translation> items per lijst</translation>
    </message>
    <message>
        <source>Home region</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Outside-line prefix</source>
        <translation>Prefix voor buitenlijn</translation>
    </message>
    <message>
        <source>Show a pop</source>
        <translation>Pop-up tonen</translation>
    </message>
    <message>
        <source>A ringing pop leaves</source>
        <translation>Een rinkelende pop-up verdwijnt</translation>
    </message>
    <message>
        <source>Contact window</source>
        <translation>Contactvenster</translation>
    </message>
    <message>
        <source>Off (for example 127.0.0.1:4444)</source>
        <translation>Uit (bijvoorbeeld 127.0.0.1:4444)</translation>
    </message>
    <message>
        <source>Allow a baresip on another computer</source>
        <translation>baresip op een andere computer toestaan</translation>
    </message>
    <message>
        <source>baresip address</source>
        <translation>baresip-adres</translation>
    </message>
    <message>
        <source>Screenpop follows the calls of the baresip softphone through its ctrl_tcp module (HOST:PORT). Other softphones run “screenpop call” instead: see the README.</source>
        <translation>Screenpop volgt de oproepen van de softphone baresip via de module ctrl_tcp (HOST:PORT). Andere softphones voeren in plaats daarvan ‘screenpop call’ uit: zie de README.</translation>
    </message>
    <message>
        <source>As the system (%1)</source>
        <translation>Zoals in het systeem (%1)</translation>
    </message>
    <message>
        <source>Register tel: and sip: links</source>
        <translation>tel:- en sip:-links registreren</translation>
    </message>
    <message>
        <source>Open tel:, callto: and sip: links on this computer with Screenpop</source>
        <translation>tel:-, callto:- en sip:-links op deze computer met Screenpop openen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>The tray menu and new windows show a new language at once.</source>
        <translation>Het menu in het systeemvak en nieuwe vensters tonen een nieuwe taal meteen.</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>This file is not a certificate Screenpop can use (PEM).</source>
        <translation>Dit bestand is geen certificaat dat Screenpop kan gebruiken (PEM).</translation>
    </message>
    <message>
        <source>Not an address such as 127.0.0.1:4444 (HOST:PORT).</source>
        <translation>Geen adres zoals 127.0.0.1:4444 (HOST:PORT).</translation>
    </message>
    <message>
        <source>This is another computer: tick “Allow a baresip on another computer” to use it.</source>
        <translation>Dit is een andere computer: vink ‘baresip op een andere computer toestaan’ aan om hem te gebruiken.</translation>
    </message>
    <message>
        <source>Company CA certificate</source>
        <translation>CA-certificaat van het bedrijf</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificaten (*.pem *.crt *.cer);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Uit</translation>
    </message>
    <message>
        <source>Ask after each call</source>
        <translation>Na elk gesprek vragen</translation>
    </message>
    <message>
        <source>Answered calls</source>
        <translation>Beantwoorde gesprekken</translation>
    </message>
    <message>
        <source>All calls, missed ones too</source>
        <translation>Alle gesprekken, ook gemiste</translation>
    </message>
    <message>
        <source>Phone call (SuperOffice&apos;s own)</source>
        <translation>Telefoongesprek (van SuperOffice zelf)</translation>
    </message>
    <message>
        <source>The task logged calls get, from SuperOffice&apos;s list</source>
        <translation>De taak die vastgelegde gesprekken krijgen, uit de lijst van SuperOffice</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>Log calls in SuperOffice</source>
        <translation>Gesprekken in SuperOffice vastleggen</translation>
    </message>
    <message>
        <source>Task for logged calls</source>
        <translation>Taak voor vastgelegde gesprekken</translation>
    </message>
    <message>
        <source>Loading SuperOffice&apos;s task list…</source>
        <translation>De takenlijst van SuperOffice wordt geladen…</translation>
    </message>
    <message>
        <source>SuperOffice&apos;s task list could not be loaded: %1</source>
        <translation>De takenlijst van SuperOffice kon niet worden geladen: %1</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Numbers without a country code are read as from here.</source>
        <translation>Nummers zonder landcode worden gelezen als nummers van hier.</translation>
    </message>
    <message>
        <source>Start Screenpop when I log in</source>
        <translation>Screenpop starten als ik me aanmeld</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>SetupFlow</name>
    <message>
        <source>Signing in: finish in your browser…</source>
        <translation>Bezig met aanmelden: rond het af in je browser…</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Aanmelden mislukt: %1</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Aangemeld.</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>Set by your administrator</source>
        <translation>Ingesteld door uw beheerder</translation>
    </message>
    <message>
        <source>SuperOffice Online (browser)</source>
        <translation>SuperOffice Online (browser)</translation>
    </message>
    <message>
        <source>User name and password</source>
        <translation>Gebruikersnaam en wachtwoord</translation>
    </message>
    <message>
        <source>SOTicket</source>
        <translation>SOTicket</translation>
    </message>
    <message>
        <source>Production (online)</source>
        <translation>Productie (online)</translation>
    </message>
    <message>
        <source>Development (sod)</source>
        <translation>Ontwikkeling (sod)</translation>
    </message>
    <message>
        <source>Stage (qaonline)</source>
        <translation>Stage (qaonline)</translation>
    </message>
    <message>
        <source>Paste the address you open SuperOffice with in the browser, or just your customer id (Cust12345).</source>
        <translation>Plak het adres waarmee u SuperOffice in de browser opent, of alleen uw klant-id (Cust12345).</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved one</source>
        <translation>Leeg laten om het opgeslagene te houden</translation>
    </message>
    <message>
        <source>Kept in the system keyring, never in the settings file.</source>
        <translation>Wordt bewaard in de sleutelbos van het systeem, nooit in het instellingenbestand.</translation>
    </message>
    <message>
        <source>From your administrator</source>
        <translation>Van uw beheerder</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Aanmelden…</translation>
    </message>
    <message>
        <source>SuperOffice address</source>
        <translation>SuperOffice-adres</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Omgeving</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Aanmelden met</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-id</translation>
    </message>
    <message>
        <source>Enter the address of your SuperOffice.</source>
        <translation>Vul het adres van uw SuperOffice in.</translation>
    </message>
    <message>
        <source>This is not a SuperOffice address. Paste the address you open SuperOffice with, such as https://online.superoffice.com/Cust12345, or your customer id.</source>
        <translation>Dit is geen SuperOffice-adres. Plak het adres waarmee u SuperOffice opent, zoals https://online.superoffice.com/Cust12345, of uw klant-id.</translation>
    </message>
    <message>
        <source>SuperOffice Online addresses end in your customer id, such as https://online.superoffice.com/Cust12345.</source>
        <translation>Adressen van SuperOffice Online eindigen op uw klant-id, zoals https://online.superoffice.com/Cust12345.</translation>
    </message>
    <message>
        <source>Enter your SuperOffice user name.</source>
        <translation>Vul uw SuperOffice-gebruikersnaam in.</translation>
    </message>
    <message>
        <source>Enter the client id your administrator gave you.</source>
        <translation>Vul de client-id in die u van uw beheerder hebt gekregen.</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
</context>
<context>
    <name>Skeleton</name>
    <message>
        <source>Loading</source>
        <translation>Laden</translation>
    </message>
</context>
<context>
    <name>SummaryTab</name>
    <message>
        <source>Show more</source>
        <translation>Meer tonen</translation>
    </message>
    <message>
        <source>Loading more…</source>
        <translation>Meer laden…</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 van %3)</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Do not disturb</source>
        <translation>Niet storen</translation>
    </message>
    <message>
        <source>Sync now — syncing…</source>
        <translation>Nu synchroniseren — bezig met synchroniseren…</translation>
    </message>
    <message>
        <source>Sync now — not synced yet</source>
        <translation>Nu synchroniseren — nog niet gesynchroniseerd</translation>
    </message>
    <message>
        <source>Sync now — last synced %1</source>
        <translation>Nu synchroniseren — laatst gesynchroniseerd %1</translation>
    </message>
    <message>
        <source>Find contact…</source>
        <translation>Contact zoeken…</translation>
    </message>
    <message>
        <source>Recent calls</source>
        <translation>Recente oproepen</translation>
    </message>
    <message>
        <source>Simulate a call</source>
        <translation>Een oproep simuleren</translation>
    </message>
    <message>
        <source>Sign in to SuperOffice…</source>
        <translation>Aanmelden bij SuperOffice…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Instellingen…</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Over %1</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
</context>
<context>
    <name>_RelativeTime</name>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>over %n minuut</numerusform>
            <numerusform>over %n minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minuut geleden</numerusform>
            <numerusform>%n minuten geleden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation>
            <numerusform>over %n uur</numerusform>
            <numerusform>over %n uur</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n uur geleden</numerusform>
            <numerusform>%n uur geleden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>over %n dag</numerusform>
            <numerusform>over %n dagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n dag geleden</numerusform>
            <numerusform>%n dagen geleden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_SalesFooter</name>
    <message numerus="yes">
        <source>%n open sale(s), total %1 in base currency</source>
        <translation>
            <numerusform>%n open verkoop, totaal %1 in basisvaluta</numerusform>
            <numerusform>%n open verkopen, totaal %1 in basisvaluta</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>recent_calls</name>
    <message>
        <source>No calls yet</source>
        <translation>Nog geen oproepen</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Onbekende beller</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwoord</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Gemist</translation>
    </message>
    <message>
        <source>Answered call, %1: open the contact</source>
        <translation>Beantwoorde oproep, %1: contact openen</translation>
    </message>
    <message>
        <source>Answered call, %1: search for the number</source>
        <translation>Beantwoorde oproep, %1: nummer zoeken</translation>
    </message>
    <message>
        <source>Missed call, %1: open the contact</source>
        <translation>Gemiste oproep, %1: contact openen</translation>
    </message>
    <message>
        <source>Missed call, %1: search for the number</source>
        <translation>Gemiste oproep, %1: nummer zoeken</translation>
    </message>
</context>
<context>
    <name>summary_tables</name>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Niet gestart</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Onbekend</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestart</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Voltooid</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Verkocht</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Gesloten</translation>
    </message>
    <message>
        <source>Postponed</source>
        <translation>Uitgesteld</translation>
    </message>
    <message>
        <source>Stalled</source>
        <translation>Gestopt</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Verwijderd</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Samengevoegd</translation>
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
        <translation>Geen tickets</translation>
    </message>
    <message>
        <source>No tickets match “%1”</source>
        <translation>Geen tickets komen overeen met ‘%1’</translation>
    </message>
    <message>
        <source>Could not load the tickets</source>
        <translation>De tickets konden niet worden geladen</translation>
    </message>
    <message>
        <source>Fetch more tickets from SuperOffice</source>
        <translation>Meer tickets uit SuperOffice ophalen</translation>
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
        <translation>Geregistreerd</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschrijving</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Vervolgacties</translation>
    </message>
    <message>
        <source>No follow-ups</source>
        <translation>Geen vervolgacties</translation>
    </message>
    <message>
        <source>No follow-ups match “%1”</source>
        <translation>Geen vervolgacties komen overeen met ‘%1’</translation>
    </message>
    <message>
        <source>Could not load the follow-ups</source>
        <translation>De vervolgacties konden niet worden geladen</translation>
    </message>
    <message>
        <source>Fetch more follow-ups from SuperOffice</source>
        <translation>Meer vervolgacties uit SuperOffice ophalen</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <source>No documents</source>
        <translation>Geen documenten</translation>
    </message>
    <message>
        <source>No documents match “%1”</source>
        <translation>Geen documenten komen overeen met ‘%1’</translation>
    </message>
    <message>
        <source>Could not load the documents</source>
        <translation>De documenten konden niet worden geladen</translation>
    </message>
    <message>
        <source>Fetch more documents from SuperOffice</source>
        <translation>Meer documenten uit SuperOffice ophalen</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Verkopen</translation>
    </message>
    <message>
        <source>No sales</source>
        <translation>Geen verkopen</translation>
    </message>
    <message>
        <source>No sales match “%1”</source>
        <translation>Geen verkopen komen overeen met ‘%1’</translation>
    </message>
    <message>
        <source>Could not load the sales</source>
        <translation>De verkopen konden niet worden geladen</translation>
    </message>
    <message>
        <source>Fetch more sales from SuperOffice</source>
        <translation>Meer verkopen uit SuperOffice ophalen</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Kans</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Bedrag</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <source>No chats</source>
        <translation>Geen chats</translation>
    </message>
    <message>
        <source>No chats match “%1”</source>
        <translation>Geen chats komen overeen met ‘%1’</translation>
    </message>
    <message>
        <source>Could not load the chats</source>
        <translation>De chats konden niet worden geladen</translation>
    </message>
    <message>
        <source>Fetch more chats from SuperOffice</source>
        <translation>Meer chats uit SuperOffice ophalen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Bedrijf</translation>
    </message>
    <message>
        <source>First message</source>
        <translation>Eerste bericht</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Aangevraagd</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beëindigd</translation>
    </message>
</context>
<context>
    <name>text</name>
    <message>
        <source>Exact number</source>
        <translation>Exact nummer</translation>
    </message>
    <message>
        <source>Same national number</source>
        <translation>Zelfde nationale nummer</translation>
    </message>
    <message>
        <source>Last digits match</source>
        <translation>Laatste cijfers komen overeen</translation>
    </message>
    <message>
        <source>Found in SuperOffice</source>
        <translation>Gevonden in SuperOffice</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>zojuist</translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation>gisteren %1</translation>
    </message>
    <message>
        <source>tomorrow %1</source>
        <translation>morgen %1</translation>
    </message>
</context>
</TS>
