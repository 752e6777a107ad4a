import Mustache

/// A page's view model as a template sees it: behind one reference. A template looks up each
/// name from the page down, and every lookup casts the page (boxed in `Any`) to `MustacheParent`,
/// which copied a struct page field by field into a new box; this wrapper is copied by a retain.
/// It answers as its model does, and prints as it (should a theme ever print the page itself).
struct TemplateRoot: MustacheParent, CustomStringConvertible {
    private final class Box {
        let model: any MustacheParent
        let partials: FramePartials.Bound?
        init(_ model: any MustacheParent, partials: FramePartials.Bound?) {
            self.model = model
            self.partials = partials
        }
    }

    private let box: Box

    /// - Parameter partials: the memoized partials the theme's rewritten templates read (`FramePartials`).
    init(_ model: any MustacheParent, partials: FramePartials.Bound? = nil) { box = Box(model, partials: partials) }

    func child(named name: String) -> Any? {
        if let partials = box.partials, name == FramePartials.reservedName { return partials }
        return box.model.child(named: name)
    }

    var description: String { String(describing: box.model) }
}
