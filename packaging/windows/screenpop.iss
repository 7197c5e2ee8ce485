; Inno Setup 6 script: Screenpop for the current user, without administrator rights.
;
; build.ps1 builds the app with PyInstaller and then runs, from the checkout:
;   ISCC.exe /DAppVersion=<version> /DFileVersion=<a.b.c.0> /DSourceDir=<frozen app>
;            /DIconFile=<.ico> /DOutputDir=dist packaging\windows\screenpop.iss
; The version comes from desktop/screenpop/__init__.py, its one home; the names below are
; those of desktop/screenpop/integration/identity.py (tests/packaging checks both).
;
; Installs into %LOCALAPPDATA%\Programs\Screenpop with a Start-menu entry (carrying the
; AppUserModelID that Windows groups the app's notifications by), opens tel:, callto:, sip:
; and sips: links (registered under HKCU\Software\Classes and offered in Settings > Default
; apps), optionally starts at sign-in, and uninstalls cleanly: program files, shortcut and
; every registry value it wrote. Settings and cache (%LOCALAPPDATA%\screenpop) are removed
; only when the user says so; a silent uninstall (/VERYSILENT) keeps them.

#ifndef AppVersion
  #error Pass /DAppVersion=<version>: build.ps1 reads it from desktop/screenpop/__init__.py
#endif
#ifndef FileVersion
  #define FileVersion "0.0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\build\pyinstaller\dist\screenpop"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\generated\icons\screenpop.ico"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

#define AppId "no.screenpop.Screenpop"
#define AppName "Screenpop"
#define AppFullName "Screenpop for SuperOffice"
#define AppExe "screenpop.exe"
#define CliExe "screenpop-cli.exe"
#define RunValue "Screenpop"
#define Capabilities "Software\Screenpop\Capabilities"

[Setup]
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppFullName}
AppComments=The caller's SuperOffice contact summary the moment the phone rings
VersionInfoVersion={#FileVersion}
VersionInfoProductName={#AppFullName}
VersionInfoProductTextVersion={#AppVersion}
; Per user, never elevated: {autopf} is %LOCALAPPDATA%\Programs, {autoprograms} the user's.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableDirPage=auto
DisableProgramGroupPage=yes
UsePreviousTasks=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=screenpop-{#AppVersion}-windows-x64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; An upgrade or uninstall closes a running app (Restart Manager) instead of failing on
; files in use.
CloseApplications=yes
RestartApplications=no
; Tells Explorer that link handlers changed.
ChangesAssociations=yes
SetupLogging=yes

[Tasks]
Name: "links"; Description: "Open tel:, callto: and sip: links with {#AppName}"
Name: "startatlogin"; Description: "Start {#AppName} when I sign in"

[InstallDelete]
; An upgrade replaces the whole bundle: no library of an older version is left behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{#AppFullName}"; AppUserModelID: "{#AppId}"

[Registry]
; Link handlers: a ProgID per scheme the app owns, offered in Settings > Default apps ...
Root: HKCU; Subkey: "Software\Classes\{#AppId}.tel"; ValueType: string; ValueName: ""; ValueData: "URL:tel (Screenpop)"; Flags: uninsdeletekey; Tasks: links
Root: HKCU; Subkey: "Software\Classes\{#AppId}.tel"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""; Tasks: links
Root: HKCU; Subkey: "Software\Classes\{#AppId}.tel\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"; Tasks: links
Root: HKCU; Subkey: "Software\Classes\{#AppId}.tel\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: links
Root: HKCU; Subkey: "Software\Classes\{#AppId}.callto"; ValueType: string; ValueName: ""; ValueData: "URL:callto (Screenpop)"; Flags: uninsdeletekey; Tasks: links
Root: HKCU; Subkey: "Software\Classes\{#AppId}.callto"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""; Tasks: links
Root: HKCU; Subkey: "Software\Classes\{#AppId}.callto\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"; Tasks: links
Root: HKCU; Subkey: "Software\Classes\{#AppId}.callto\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: links
Root: HKCU; Subkey: "Software\Classes\{#AppId}.sip"; ValueType: string; ValueName: ""; ValueData: "URL:sip (Screenpop)"; Flags: uninsdeletekey; Tasks: links
Root: HKCU; Subkey: "Software\Classes\{#AppId}.sip"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""; Tasks: links
Root: HKCU; Subkey: "Software\Classes\{#AppId}.sip\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"; Tasks: links
Root: HKCU; Subkey: "Software\Classes\{#AppId}.sip\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: links
Root: HKCU; Subkey: "Software\Classes\{#AppId}.sips"; ValueType: string; ValueName: ""; ValueData: "URL:sips (Screenpop)"; Flags: uninsdeletekey; Tasks: links
Root: HKCU; Subkey: "Software\Classes\{#AppId}.sips"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""; Tasks: links
Root: HKCU; Subkey: "Software\Classes\{#AppId}.sips\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"; Tasks: links
Root: HKCU; Subkey: "Software\Classes\{#AppId}.sips\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: links
Root: HKCU; Subkey: "Software\Screenpop"; Flags: uninsdeletekeyifempty; Tasks: links
Root: HKCU; Subkey: "{#Capabilities}"; ValueType: string; ValueName: "ApplicationName"; ValueData: "{#AppName}"; Flags: uninsdeletekey; Tasks: links
Root: HKCU; Subkey: "{#Capabilities}"; ValueType: string; ValueName: "ApplicationDescription"; ValueData: "{#AppFullName}: screen pops for calls"; Tasks: links
Root: HKCU; Subkey: "{#Capabilities}\URLAssociations"; ValueType: string; ValueName: "tel"; ValueData: "{#AppId}.tel"; Tasks: links
Root: HKCU; Subkey: "{#Capabilities}\URLAssociations"; ValueType: string; ValueName: "callto"; ValueData: "{#AppId}.callto"; Tasks: links
Root: HKCU; Subkey: "{#Capabilities}\URLAssociations"; ValueType: string; ValueName: "sip"; ValueData: "{#AppId}.sip"; Tasks: links
Root: HKCU; Subkey: "{#Capabilities}\URLAssociations"; ValueType: string; ValueName: "sips"; ValueData: "{#AppId}.sips"; Tasks: links
Root: HKCU; Subkey: "Software\RegisteredApplications"; ValueType: string; ValueName: "{#AppName}"; ValueData: "{#Capabilities}"; Flags: uninsdeletevalue; Tasks: links
; ... and the classic per-user scheme keys, used where the user never chose a default app.
Root: HKCU; Subkey: "Software\Classes\tel"; ValueType: string; ValueName: ""; ValueData: "URL:tel"; Flags: uninsdeletekey; Tasks: links
Root: HKCU; Subkey: "Software\Classes\tel"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""; Tasks: links
Root: HKCU; Subkey: "Software\Classes\tel\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"; Tasks: links
Root: HKCU; Subkey: "Software\Classes\tel\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: links
Root: HKCU; Subkey: "Software\Classes\callto"; ValueType: string; ValueName: ""; ValueData: "URL:callto"; Flags: uninsdeletekey; Tasks: links
Root: HKCU; Subkey: "Software\Classes\callto"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""; Tasks: links
Root: HKCU; Subkey: "Software\Classes\callto\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"; Tasks: links
Root: HKCU; Subkey: "Software\Classes\callto\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: links
Root: HKCU; Subkey: "Software\Classes\sip"; ValueType: string; ValueName: ""; ValueData: "URL:sip"; Flags: uninsdeletekey; Tasks: links
Root: HKCU; Subkey: "Software\Classes\sip"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""; Tasks: links
Root: HKCU; Subkey: "Software\Classes\sip\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"; Tasks: links
Root: HKCU; Subkey: "Software\Classes\sip\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: links
Root: HKCU; Subkey: "Software\Classes\sips"; ValueType: string; ValueName: ""; ValueData: "URL:sips"; Flags: uninsdeletekey; Tasks: links
Root: HKCU; Subkey: "Software\Classes\sips"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""; Tasks: links
Root: HKCU; Subkey: "Software\Classes\sips\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"; Tasks: links
Root: HKCU; Subkey: "Software\Classes\sips\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: links
; Start at sign-in: the same value the app's own setting writes (integration/autostart.py).
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "{#RunValue}"; ValueData: """{app}\{#AppExe}"""; Flags: uninsdeletevalue; Tasks: startatlogin
; Whatever the tasks were, uninstalling removes the value the app may have written itself,
; and Task Manager's on/off switch for it.
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: none; ValueName: "{#RunValue}"; Flags: uninsdeletevalue dontcreatekey
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"; ValueType: none; ValueName: "{#RunValue}"; Flags: uninsdeletevalue dontcreatekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "Start {#AppName} now"; Flags: nowait postinstall skipifsilent

[Code]
{ Settings, cache and logs are the user's: removed only when asked, never silently. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Profile: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    Profile := ExpandConstant('{localappdata}\screenpop');
    if (not UninstallSilent) and DirExists(Profile) and
       (MsgBox('Also remove your Screenpop settings, caller-ID cache and logs?' + #13#10 +
               '(' + Profile + ')', mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES) then
      DelTree(Profile, True, True, True);
  end;
end;
