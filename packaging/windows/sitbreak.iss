; Inno Setup script for Sitbreak on Windows. NOT BUILT OR VERIFIED HERE: the project is
; built and tested on Linux; Inno Setup (6.x) and the PyInstaller build run on Windows.
;
; 1. On Windows, build the one-folder app: pyinstaller --noconfirm packaging\pyinstaller\sitbreak.spec
;    (it makes dist\sitbreak\sitbreak.exe);
; 2. from the repository root: iscc packaging\windows\sitbreak.iss
;    (the installer is written to dist\installer\).
;
; Installs per user (no administrator rights), adds a Start menu entry, optionally starts
; Sitbreak at login (HKCU Run), and on uninstall asks whether to keep the user's data.

#define AppName "Sitbreak"
#define AppVersion "0.1.0"
#define AppExe "sitbreak.exe"
; What platformdirs gives Sitbreak on Windows: settings, exercises, the database and the log.
#define UserDataDir "{localappdata}\sitbreak"

[Setup]
; A fixed id (uuid5 of the app id io.github.sitbreak.Sitbreak): upgrades replace, not duplicate.
AppId={{0658840A-C9FB-57C5-98CB-9AA2186A9794}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=The Sitbreak developers
AppPublisherURL=https://github.com/sitbreak/sitbreak
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=dist\installer
OutputBaseFilename=sitbreak-{#AppVersion}-setup
SourceDir=..\..
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\{#AppExe}
; Sitbreak must not be running while its files are replaced or removed.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "startatlogin"; Description: "Start {#AppName} when I log in (recommended: it can only remind you while it runs)"; GroupDescription: "Start:"

[Files]
Source: "dist\sitbreak\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Counts desk time and reminds you to stand up and stretch"

[Registry]
; Start at login, for this user only; removed again on uninstall.
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "{#AppName}"; ValueData: """{app}\{#AppExe}"""; Tasks: startatlogin; Flags: uninsdeletevalue

[Run]
Filename: "{app}\{#AppExe}"; Description: "Start {#AppName} now"; Flags: nowait postinstall skipifsilent

[UninstallRun]
; Ask a running Sitbreak to quit cleanly (it saves the current sitting bout) before removal.
Filename: "{app}\{#AppExe}"; Parameters: "quit"; Flags: runhidden waituntilterminated; RunOnceId: "QuitSitbreak"

[Code]
{ After the program files are gone, ask whether the user's own files go too. The default
  answer keeps them, and a silent uninstall always keeps them: nothing the user made is
  deleted without being asked. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  DataDir := ExpandConstant('{#UserDataDir}');
  if UninstallSilent or not DirExists(DataDir) then
    exit;
  if MsgBox('Also remove your Sitbreak settings, your own exercises and your sitting log?' + #13#10 + #13#10 +
            DataDir + #13#10 + #13#10 +
            'Choose No to keep them for a later install.',
            mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
  begin
    if not DelTree(DataDir, True, True, True) then
      MsgBox('Some files in ' + DataDir + ' could not be removed; delete the folder by hand.',
             mbError, MB_OK);
  end;
end;
