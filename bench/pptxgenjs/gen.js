// The benchmark's content written with PptxGenJS (bench/run.py): a title slide, a divider per
// section, one slide per item (title, 5 bullets, speaker notes), with date, footer and slide
// number on a master, at PptxGenJS's default settings.
//
//     node bench/pptxgenjs/gen.js deck.json out.pptx
const fs = require("fs");
const PptxGenJS = require("pptxgenjs");
const data = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const out = process.argv[3];
const pptx = new PptxGenJS();
pptx.layout = "LAYOUT_WIDE";
pptx.defineSlideMaster({ title: "CONTENT", slideNumber: { x: 12.0, y: 7.0, fontSize: 11 },
  objects: [{ text: { text: data.deck.footer, options: { x: 3.2, y: 7.0, w: 6.9, h: 0.4, fontSize: 11 } } },
            { text: { text: "04/03/2022", options: { x: 0.6, y: 7.0, w: 2.4, h: 0.4, fontSize: 11 } } }] });
let s = pptx.addSlide(); s.addText(data.deck.title, { x: 0.9, y: 1.5, w: 11.5, h: 2.2, fontSize: 36, bold: true });
data.sections.forEach((section, si) => {
  let d = pptx.addSlide({ masterName: "CONTENT" });
  d.addText(section.title, { x: 0.9, y: 2.8, w: 11.5, h: 2.2, fontSize: 36, bold: true });
  section.items.forEach((item, i) => {
    item.slides.forEach((spec) => {
      let slide = pptx.addSlide({ masterName: "CONTENT" });
      slide.addText(`${i + 1}. ${item.title}`, { x: 0.6, y: 0.3, w: 12.1, h: 1.05, fontSize: 30, bold: true });
      slide.addText(spec.bullets.map((b) => ({ text: b, options: { bullet: true, breakLine: true } })),
                    { x: 0.6, y: 1.65, w: 12.1, h: 5.15, fontSize: 24, valign: "top" });
      slide.addNotes(spec.notes);
    });
  });
});
pptx.writeFile({ fileName: out }).then(() => {});
