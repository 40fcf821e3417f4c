fn main() {
    std::process::exit(trangtin::cli::main());
}
