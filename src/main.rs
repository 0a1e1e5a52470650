//! Mounts the app; everything else lives in the library.
fn main() {
    #[cfg(not(feature = "ssr"))]
    send_site::start();
}
