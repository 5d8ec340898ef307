# The kiosk's watchdog on Windows, started by the scheduled task "MyKey Kiosk" at logon (installer/windows).
# NOT RUN on the project's Linux machines: see installer/README.md.
# Runs `kiosk-gui.exe run` and restarts it after a crash (any exit code but 0). Leaving the kiosk with the
# administrator PIN exits with 0 and ends the watchdog. More than 10 restarts in 5 minutes: it stops and writes why
# to %LOCALAPPDATA%\mykey-kiosk\watchdog.log (the same as the systemd unit's StartLimitBurst on Linux).
$ErrorActionPreference = "Stop"
$kiosk = Join-Path $PSScriptRoot "kiosk-gui.exe"
$logDir = Join-Path $env:LOCALAPPDATA "mykey-kiosk"
New-Item -ItemType Directory -Force -Path $logDir | Out-Null
$log = Join-Path $logDir "watchdog.log"
$starts = New-Object System.Collections.Generic.List[datetime]
while ($true) {
    $now = Get-Date
    $starts.Add($now)
    $recent = @($starts | Where-Object { $_ -gt $now.AddMinutes(-5) })
    if ($recent.Count -gt 10) {
        Add-Content $log "$(Get-Date -Format o) more than 10 restarts in 5 minutes: giving up"
        exit 1
    }
    $process = Start-Process -FilePath $kiosk -ArgumentList "run" -PassThru -Wait
    if ($process.ExitCode -eq 0) { exit 0 }
    Add-Content $log "$(Get-Date -Format o) kiosk ended with exit code $($process.ExitCode): restarting in 2 s"
    Start-Sleep -Seconds 2
}
