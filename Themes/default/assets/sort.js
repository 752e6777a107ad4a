// Sortable comparison tables: each column header becomes a button that sorts the rows by
// that column (numbers numerically, text by Chinese collation). The table works without it.
(function () {
  "use strict";
  var collator = new Intl.Collator("zh-CN", { numeric: true });
  function value(cell) {
    var v = cell.getAttribute("data-sort");
    return v === null ? cell.textContent.trim() : v;
  }
  function sortBy(table, index, header) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    rows.sort(function (a, b) {
      var x = value(a.cells[index]), y = value(b.cells[index]);
      var nx = parseFloat(x), ny = parseFloat(y);
      var cmp;
      if (x === "" && y === "") cmp = 0;
      else if (x === "") return 1;          // missing values last, either direction
      else if (y === "") return -1;
      else if (!isNaN(nx) && !isNaN(ny)) cmp = nx - ny;
      else cmp = collator.compare(x, y);
      return ascending ? cmp : -cmp;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    if (!table.tHead || !table.tBodies.length) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, index, th); });
    });
  });
})();
