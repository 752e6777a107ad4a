import Mustache

/// A page's view model as a template sees it: behind one reference. A template looks up each
/// name from the page down, and every lookup casts the page (boxed in `Any`) to `MustacheParent`,
/// which copied a struct page field by field into a new box; this wrapper is copied by a retain.
/// It answers as its model does, and prints as it (should a theme ever print the page itself).
struct TemplateRoot: MustacheParent, CustomStringConvertible {
    private final class Box {
        let model: any MustacheParent
        init(_ model: any MustacheParent) { self.model = model }
    }

    private let box: Box

    init(_ model: any MustacheParent) { box = Box(model) }

    func child(named name: String) -> Any? { box.model.child(named: name) }

    var description: String { String(describing: box.model) }
}
