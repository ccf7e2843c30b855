import { useEffect, useRef, useState } from "react";
import { useTranslation } from "~/i18n/react";

/**
 * Reads a QR code with the device's camera and hands its text over. A progressive enhancement: it shows
 * only where JavaScript runs and a camera API exists, and loads the decoder (jsqr) on first use; the
 * typed or scanner-typed code works without it.
 */
export function QrCamera({ onCode }: { onCode: (text: string) => void }) {
  const [available, setAvailable] = useState(false);
  const [on, setOn] = useState(false);
  const [error, setError] = useState("");
  const video = useRef<HTMLVideoElement>(null);
  const { t } = useTranslation(["registrations"]);
  useEffect(() => setAvailable(!!navigator.mediaDevices?.getUserMedia), []);
  useEffect(() => {
    if (!on) return;
    let stream: MediaStream | null = null;
    let frame = 0;
    let stopped = false;
    (async () => {
      try {
        const { default: jsQR } = await import("jsqr");
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
        const v = video.current;
        if (stopped || !v) return;
        v.srcObject = stream;
        await v.play();
        const canvas = document.createElement("canvas");
        const ctx = canvas.getContext("2d", { willReadFrequently: true });
        const tick = () => {
          if (stopped || !ctx) return;
          if (v.videoWidth) {
            canvas.width = v.videoWidth;
            canvas.height = v.videoHeight;
            ctx.drawImage(v, 0, 0);
            const found = jsQR(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height, { inversionAttempts: "dontInvert" });
            if (found?.data) {
              setOn(false);
              onCode(found.data);
              return;
            }
          }
          frame = requestAnimationFrame(tick);
        };
        tick();
      } catch {
        if (stopped) return;
        setError(t("registrations:checkin.camera.error"));
        setOn(false);
      }
    })();
    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [on, onCode, t]);
  if (!available) return null;
  return (
    <div className="qr-camera">
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setError("");
          setOn(!on);
        }}
      >
        {on ? t("registrations:checkin.camera.stop") : t("registrations:checkin.camera.start")}
      </button>
      {on ? <video ref={video} muted playsInline aria-label={t("registrations:checkin.camera.video")} style={{ display: "block", width: "20rem", maxWidth: "100%" }} /> : null}
      {error ? <p role="alert">{error}</p> : null}
    </div>
  );
}
